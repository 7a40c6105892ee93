import CCrypto

/// SHA-256 (FIPS 180-4) through libcrypto.
public enum SHA256 {
    /// Length of a digest in bytes.
    public static let byteCount = 32

    /// The digest of `message`.
    public static func hash(_ message: [UInt8]) throws(CryptoError) -> [UInt8] {
        try LibCrypto.output(count: byteCount, operation: "EVP_Digest(SHA-256)") { digest in
            LibCrypto.withBytes(message) { data, length in
                var written: UInt32 = 0
                let status = EVP_Digest(data, length, digest, &written, EVP_sha256(), nil)
                return status == 1 && written == UInt32(byteCount)
            }
        }
    }

    /// The digest of the UTF-8 bytes of `text`, as 64 lowercase hex characters.
    public static func hexDigest(ofUTF8 text: String) throws(CryptoError) -> String {
        Hex.encode(try hash(Array(text.utf8)))
    }
}
