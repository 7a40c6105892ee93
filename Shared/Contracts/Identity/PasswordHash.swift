/// A stored password: PBKDF2-HMAC-SHA256 with a per-user random salt. Never the password itself.
///
/// Carrying the algorithm and iteration count with each hash lets the iteration count grow over
/// time: old hashes still verify with their own count and are re-hashed at the next sign-in.
public struct PasswordHash: Codable, Sendable, Hashable {
    /// The only algorithm so far.
    public static let pbkdf2SHA256 = "pbkdf2-sha256"

    /// "pbkdf2-sha256".
    public let algorithm: String
    public let iterations: Int
    /// Standard base64 (with padding) of the salt bytes.
    public let salt: String
    /// Standard base64 (with padding) of the derived key.
    public let hash: String

    public init(algorithm: String, iterations: Int, salt: String, hash: String) {
        self.algorithm = algorithm
        self.iterations = iterations
        self.salt = salt
        self.hash = hash
    }

    private enum CodingKeys: String, CodingKey {
        case algorithm = "algorithm", iterations = "iterations", salt = "salt", hash = "hash"
    }
}
