import CCrypto

/// Cryptographically secure random bytes from libcrypto's `RAND_bytes` (seeded from the kernel).
public enum SecureRandom {
    /// The most bytes one call returns.
    public static let maximumCount = 1_048_576

    public static func bytes(count: Int) throws(CryptoError) -> [UInt8] {
        guard (0...maximumCount).contains(count) else {
            throw .invalidArgument("random byte count must be 0...\(maximumCount), got \(count)")
        }
        if count == 0 { return [] }
        return try LibCrypto.output(count: count, operation: "RAND_bytes") { buffer in
            RAND_bytes(buffer, Int32(count)) == 1
        }
    }
}
