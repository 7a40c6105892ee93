import Contracts

/// Recognises re-deliveries of the same envelope.
///
/// Every output's id is derived from its cause (`Envelope.causing`), so a producer retry or a
/// replayed handling that wrote the same fact again carries the same id and the same bytes. Every
/// consumer treats that as a no-op (state folds skip a command already handled), so the audit
/// counts it once and reports the repeat separately. The same id with *different* content is not a
/// re-delivery: it means a handler decided the same input twice and got another answer, which is
/// reported as a duplicate.
struct EnvelopeRegistry: Sendable {
    enum Sighting: Equatable {
        case first
        /// Same id, same canonical bytes: a no-op re-delivery.
        case redelivery
        /// Same id, different content.
        case conflict
    }

    private struct Key: Hashable {
        let family: String
        let id: MessageID
    }

    private var fingerprints: [Key: UInt64] = [:]
    private(set) var redeliveries: [String: Int] = [:]

    mutating func sight(family: String, id: MessageID, fingerprint: UInt64) -> Sighting {
        let key = Key(family: family, id: id)
        guard let known = fingerprints[key] else {
            fingerprints[key] = fingerprint
            return .first
        }
        if known == fingerprint {
            redeliveries[family, default: 0] += 1
            return .redelivery
        }
        return .conflict
    }

    /// FNV-1a, 64 bits: only ever compares two encodings of envelopes that already share an id, so
    /// collisions between unrelated messages do not matter.
    static func fingerprint(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The fingerprint of an envelope's canonical wire bytes (keys sorted, fixed date format).
    static func fingerprint<Family>(_ envelope: Envelope<Family>) -> UInt64 {
        if let bytes = try? WireFormat.encode(envelope) { return fingerprint(bytes) }
        // Only an envelope that could never have been on the wire fails to encode; its text is
        // still a stable stand-in within one run.
        return fingerprint(Array(String(describing: envelope).utf8))
    }
}
