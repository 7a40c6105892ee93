import Contracts
import Crypto
import Foundation

/// Salted PBKDF2-HMAC-SHA256 password hashes (`PasswordHash` on the wire).
///
/// `defaultIterations` was chosen by measurement: one hash takes about 49 ms in a release build
/// on the development machine (2 cores, OpenSSL 3.0; 120,000 iterations took 23 ms, 600,000
/// took 112 ms). Each stored hash carries its own count, so raising the default later only needs
/// `needsRehash` at sign-in. Tests pass a small count.
///
/// Passwords are normalised to Unicode NFC before hashing, so "é" typed as one code point or as
/// "e" + combining accent is the same password on every keyboard.
public struct PasswordHasher: Sendable {
    public static let defaultIterations = 260_000
    public static let saltByteCount = 16
    public static let keyByteCount = 32

    public let iterations: Int

    public init(iterations: Int = PasswordHasher.defaultIterations) {
        self.iterations = iterations
    }

    /// Hashes `password` with `salt`, or with 16 fresh random bytes when `salt` is `nil`.
    public func hash(_ password: String, salt: [UInt8]? = nil) throws(CryptoError) -> PasswordHash {
        let salt = if let salt { salt } else { try SecureRandom.bytes(count: Self.saltByteCount) }
        let key = try PBKDF2.sha256(password: Self.normalized(password), salt: salt, iterations: iterations,
                                    keyByteCount: Self.keyByteCount)
        return PasswordHash(algorithm: PasswordHash.pbkdf2SHA256, iterations: iterations,
                            salt: Data(salt).base64EncodedString(), hash: Data(key).base64EncodedString())
    }

    /// True when `password` matches `stored`. Uses the stored iteration count and salt, compares in
    /// constant time, and answers false (never throws) for a hash it cannot read.
    public func verify(_ password: String, against stored: PasswordHash) -> Bool {
        guard stored.algorithm == PasswordHash.pbkdf2SHA256,
              let salt = Data(base64Encoded: stored.salt), let expected = Data(base64Encoded: stored.hash),
              (1...PBKDF2.maximumKeyByteCount).contains(expected.count),
              let derived = try? PBKDF2.sha256(password: Self.normalized(password), salt: Array(salt),
                                               iterations: stored.iterations, keyByteCount: expected.count)
        else { return false }
        return ConstantTime.equals(derived, Array(expected))
    }

    /// True when `stored` was made with fewer iterations (or another algorithm) than this hasher
    /// uses: re-hash the password the user just proved to know.
    public func needsRehash(_ stored: PasswordHash) -> Bool {
        stored.algorithm != PasswordHash.pbkdf2SHA256 || stored.iterations < iterations
    }

    /// A hash no password matches, verified when a username is unknown so that the answer takes
    /// as long as for a known user with a wrong password (no user enumeration by timing).
    var decoy: PasswordHash {
        PasswordHash(algorithm: PasswordHash.pbkdf2SHA256, iterations: iterations,
                     salt: Data(repeating: 0, count: Self.saltByteCount).base64EncodedString(),
                     hash: Data(repeating: 0, count: Self.keyByteCount).base64EncodedString())
    }

    static func normalized(_ password: String) -> [UInt8] {
        Array(password.precomposedStringWithCanonicalMapping.utf8)
    }
}
