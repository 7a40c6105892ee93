import CCrypto

/// PBKDF2 (RFC 8018) with HMAC-SHA256 through libcrypto's `PKCS5_PBKDF2_HMAC`.
public enum PBKDF2 {
    /// The most iterations accepted, so that a corrupt or hostile stored hash cannot make one
    /// verification run for minutes.
    public static let maximumIterations = 10_000_000
    /// The longest derived key accepted.
    public static let maximumKeyByteCount = 1024

    /// Derives `keyByteCount` bytes from `password` and `salt`.
    public static func sha256(password: [UInt8], salt: [UInt8], iterations: Int,
                              keyByteCount: Int = 32) throws(CryptoError) -> [UInt8] {
        guard (1...maximumIterations).contains(iterations) else {
            throw .invalidArgument("PBKDF2 iterations must be 1...\(maximumIterations), got \(iterations)")
        }
        guard (1...maximumKeyByteCount).contains(keyByteCount) else {
            throw .invalidArgument("PBKDF2 key length must be 1...\(maximumKeyByteCount) bytes, got \(keyByteCount)")
        }
        guard password.count <= Int(Int32.max), salt.count <= Int(Int32.max) else {
            throw .invalidArgument("PBKDF2 password or salt is too long")
        }
        return try LibCrypto.output(count: keyByteCount, operation: "PKCS5_PBKDF2_HMAC(SHA-256)") { key in
            LibCrypto.withBytes(password) { passwordBytes, passwordLength in
                LibCrypto.withBytes(salt) { saltBytes, saltLength in
                    passwordBytes.withMemoryRebound(to: CChar.self, capacity: max(passwordLength, 1)) { passwordChars in
                        PKCS5_PBKDF2_HMAC(passwordChars, Int32(passwordLength), saltBytes, Int32(saltLength),
                                          Int32(iterations), EVP_sha256(), Int32(keyByteCount), key) == 1
                    }
                }
            }
        }
    }
}
