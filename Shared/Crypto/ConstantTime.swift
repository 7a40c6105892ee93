import CCrypto

/// Comparisons whose running time does not depend on where two secrets differ.
public enum ConstantTime {
    /// True when `lhs` and `rhs` hold the same bytes. Lengths are compared first and in the
    /// open: callers compare fixed-length values (digests, MACs), whose length is no secret.
    public static func equals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.isEmpty { return true }
        return LibCrypto.withBytes(lhs) { left, length in
            LibCrypto.withBytes(rhs) { right, _ in
                CRYPTO_memcmp(left, right, length) == 0
            }
        }
    }
}
