/// The signature of an HTTP callback: HMAC-SHA256 over "<unix seconds>.<body>" under a shared
/// secret, sent as `t=<unix seconds>,v1=<lowercase hex>`. The timestamp is signed with the body so
/// a captured request cannot be replayed later than the receiver's tolerance.
///
/// Tradeflow signs its outgoing webhooks this way (header `Tradeflow-Signature`) and expects the
/// same from payment providers calling it back (`Tradeflow-Provider-Signature`). A receiver in any
/// language recomputes it with its standard HMAC library.
public enum WebhookSignature {
    /// Why a signature was not accepted.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case malformed(String)
        case stale(ageSeconds: Int64)
        case mismatch

        public var description: String {
            switch self {
            case let .malformed(reason): "malformed signature header: \(reason)"
            case let .stale(age): "signature timestamp is \(age) s away from now, outside the tolerance"
            case .mismatch: "signature does not match the body"
            }
        }
    }

    /// The header value for `body` signed at `timestamp` (unix seconds).
    public static func header(body: [UInt8], secret: [UInt8], timestamp: Int64) throws(CryptoError) -> String {
        "t=\(timestamp),v1=\(Hex.encode(try code(body: body, secret: secret, timestamp: timestamp)))"
    }

    /// Checks `header` against `body`; the timestamp must be within `toleranceSeconds` of `now`.
    /// Several `v1=` values are allowed (a sender rotating its secret signs with both).
    public static func verify(header: String, body: [UInt8], secret: [UInt8], now: Int64,
                              toleranceSeconds: Int64 = 300) throws(Failure) {
        var timestamp: Int64?
        var candidates: [[UInt8]] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces }
            guard pair.count == 2 else { throw .malformed("'\(part)' is not name=value") }
            switch pair[0] {
            case "t":
                guard let value = Int64(pair[1]) else { throw .malformed("t must be unix seconds") }
                timestamp = value
            case "v1":
                guard let bytes = Hex.decode(pair[1]), bytes.count == HMACSHA256.byteCount else {
                    throw .malformed("v1 must be \(HMACSHA256.byteCount * 2) hex digits")
                }
                candidates.append(bytes)
            default:
                continue  // other schemes are for other receivers
            }
        }
        guard let timestamp else { throw .malformed("no t= timestamp") }
        guard !candidates.isEmpty else { throw .malformed("no v1= signature") }
        let age = now - timestamp
        guard abs(age) <= toleranceSeconds else { throw .stale(ageSeconds: age) }
        guard let expected = try? code(body: body, secret: secret, timestamp: timestamp),
              candidates.contains(where: { ConstantTime.equals($0, expected) }) else { throw .mismatch }
    }

    private static func code(body: [UInt8], secret: [UInt8], timestamp: Int64) throws(CryptoError) -> [UInt8] {
        try HMACSHA256.authenticationCode(for: Array("\(timestamp).".utf8) + body, key: secret)
    }
}

private extension Substring {
    var trimmingSpaces: String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}
