import Crypto

/// An HMAC-SHA256 token signing key with its id (`kid` in the token header). The secret comes
/// from configuration and is never logged: `description` shows only the id.
public struct SigningKey: Sendable, CustomStringConvertible {
    /// HS256 keys shorter than the hash output weaken the MAC (RFC 7518 §3.2).
    public static let minimumSecretBytes = 32

    /// 1...64 characters of `A-Z a-z 0-9 . _ -`, e.g. "2026-11".
    public let id: String
    let secret: [UInt8]

    public init(id: String, secret: [UInt8]) throws(TokenConfigurationError) {
        guard Self.isValidID(id) else { throw .invalidKeyID(id) }
        guard secret.count >= Self.minimumSecretBytes else {
            throw .secretTooShort(keyID: id, bytes: secret.count, minimum: Self.minimumSecretBytes)
        }
        self.id = id
        self.secret = secret
    }

    /// A key whose secret is given as base64url (unpadded), the form used in configuration, e.g.
    /// `TRADEFLOW_TOKEN_KEYS=2026-11:<base64url>,2026-10:<base64url>`.
    public init(id: String, base64URLSecret: String) throws(TokenConfigurationError) {
        let secret: [UInt8]
        do {
            secret = try Base64URL.decode(base64URLSecret)
        } catch {
            throw .invalidSecretEncoding(keyID: id)
        }
        try self.init(id: id, secret: secret)
    }

    public var description: String { "SigningKey(\(id))" }

    static func isValidID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...64).contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
    }
}
