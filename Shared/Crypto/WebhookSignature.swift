/// Signs webhook deliveries and checks signatures. Tradeflow signs its outgoing webhooks this way
/// and expects the same scheme from payment providers calling it back
/// (`Tradeflow-Provider-Signature`), so a receiver in any language uses its standard HMAC library.
///
///     Tradeflow-Signature: t=<unix seconds>,v1=<lowercase hex HMAC-SHA256(secret, "<t>.<body>")>
///     Tradeflow-Event-Id:  <notification id>   (the same on every retry: receivers de-duplicate by it)
///     Tradeflow-Event-Type: <event type>
///
/// The timestamp is part of the signed text, so a captured request cannot be replayed outside the
/// receiver's tolerance window.
public enum WebhookSignature {
    public static let signatureHeader = "Tradeflow-Signature"
    public static let eventIdHeader = "Tradeflow-Event-Id"
    public static let eventTypeHeader = "Tradeflow-Event-Type"
    /// Default tolerance of `verify`: five minutes either way.
    public static let defaultTolerance: Int64 = 300

    /// Why a signature was not accepted.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The header is not `t=<digits>,v1=<64 hex>` (several `v1` are allowed; one must match).
        case malformedHeader
        /// The timestamp is more than the tolerance away from now.
        case staleTimestamp(signedAt: Int64, now: Int64)
        /// No `v1` matches the body under the secret.
        case mismatch
        case crypto(CryptoError)

        public var description: String {
            switch self {
            case .malformedHeader: "malformed signature header: expected t=<unix seconds>,v1=<64 hex digits>"
            case let .staleTimestamp(signedAt, now): "signature timestamp \(signedAt) is \(now - signedAt) s away from now, outside the tolerance"
            case .mismatch: "signature does not match the body"
            case let .crypto(error): "cannot compute the signature: \(error)"
            }
        }
    }

    /// The `Tradeflow-Signature` value for `body` sent at `timestamp` (unix seconds).
    public static func sign(body: [UInt8], secret: String, timestamp: Int64) throws(CryptoError) -> String {
        "t=\(timestamp),v1=\(Hex.encode(try code(body: body, secret: secret, timestamp: timestamp)))"
    }

    /// The three headers of a delivery attempt at `timestamp`, in a fixed order.
    public static func headers(body: [UInt8], secret: String, timestamp: Int64, eventId: String,
                               eventType: String) throws(CryptoError) -> [(name: String, value: String)] {
        [(signatureHeader, try sign(body: body, secret: secret, timestamp: timestamp)),
         (eventIdHeader, eventId), (eventTypeHeader, eventType)]
    }

    /// Accepts `header` for `body` when its timestamp is within `tolerance` seconds of `now` and a
    /// `v1` signature matches (compared in constant time).
    public static func verify(header: String, body: [UInt8], secret: String, now: Int64,
                              tolerance: Int64 = defaultTolerance) throws(Failure) {
        var timestamp: Int64?
        var signatures: [[UInt8]] = []
        for part in header.split(separator: ",", omittingEmptySubsequences: false) {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { throw .malformedHeader }
            let (name, value) = (pair[0].trimmingSpaces, pair[1].trimmingSpaces)
            switch name {
            case "t":
                guard timestamp == nil, !value.isEmpty, value.utf8.count <= 18, value.utf8.allSatisfy(isDigit),
                      let parsed = Int64(value) else { throw .malformedHeader }
                timestamp = parsed
            case "v1":
                guard value.utf8.count == 64, let bytes = Hex.decode(value) else { throw .malformedHeader }
                signatures.append(bytes)
            default:
                continue  // Unknown schemes (a future v2) are skipped, as the format promises.
            }
        }
        guard let timestamp, !signatures.isEmpty else { throw .malformedHeader }
        guard abs(now - timestamp) <= tolerance else { throw .staleTimestamp(signedAt: timestamp, now: now) }
        let expected: [UInt8]
        do {
            expected = try code(body: body, secret: secret, timestamp: timestamp)
        } catch {
            throw .crypto(error)
        }
        var matched = false
        for signature in signatures where ConstantTime.equals(signature, expected) { matched = true }
        guard matched else { throw .mismatch }
    }

    private static func code(body: [UInt8], secret: String, timestamp: Int64) throws(CryptoError) -> [UInt8] {
        try HMACSHA256.authenticationCode(for: Array("\(timestamp).".utf8) + body, key: Array(secret.utf8))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
