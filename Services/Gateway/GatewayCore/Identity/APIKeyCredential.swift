import Contracts
import Crypto

/// The API key a machine presents: `tfk_<id>_<secret>`, e.g.
/// `tfk_key-3f9a0c1d2e4b5a69_Qm9vb...` (the secret is 43 base64url characters and may itself
/// contain "_" and "-"; the id never contains "_", so the first "_" after the prefix ends it).
public struct APIKeyCredential: Sendable, Hashable, CustomStringConvertible {
    public static let prefix = "tfk_"
    /// 32 random bytes.
    public static let secretByteCount = 32
    static let maximumSecretLength = 128

    public let id: APIKeyID
    let secret: String

    init(id: APIKeyID, secret: String) {
        self.id = id
        self.secret = secret
    }

    /// Reads a presented key; `nil` when it is not of the form `tfk_<id>_<secret>`.
    public init?(parsing text: String) {
        guard text.hasPrefix(Self.prefix) else { return nil }
        let rest = text.dropFirst(Self.prefix.count)
        guard let separator = rest.firstIndex(of: "_"),
              let id = APIKeyID(validating: String(rest[..<separator])) else { return nil }
        let secret = String(rest[rest.index(after: separator)...])
        guard !secret.isEmpty, secret.utf8.count <= Self.maximumSecretLength else { return nil }
        self.init(id: id, secret: secret)
    }

    /// The full key to hand to the caller, once.
    public var presentation: String { Self.prefix + id.rawValue + "_" + secret }

    /// What is stored: lowercase hex SHA-256 of the secret's UTF-8.
    func secretHash() throws(CryptoError) -> String {
        try SHA256.hexDigest(ofUTF8: secret)
    }

    /// True when this credential's secret hashes to `storedHash` (compared in constant time).
    func matches(storedHash: String) -> Bool {
        guard let hash = try? secretHash() else { return false }
        return ConstantTime.equals(Array(hash.utf8), Array(storedHash.utf8))
    }

    /// Never shows the secret.
    public var description: String { "APIKeyCredential(\(id))" }
}
