import CCrypto

/// HMAC (RFC 2104) with SHA-256 through libcrypto.
public enum HMACSHA256 {
    /// Length of an authentication code in bytes.
    public static let byteCount = 32

    /// The authentication code of `message` under `key`. Any key length works (keys longer than
    /// 64 bytes are hashed first, as RFC 2104 says); signing keys should be at least 32 bytes.
    public static func authenticationCode(for message: [UInt8], key: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard key.count <= Int(Int32.max) else { throw .invalidArgument("HMAC key of \(key.count) bytes is too long") }
        return try LibCrypto.output(count: byteCount, operation: "HMAC(SHA-256)") { code in
            LibCrypto.withBytes(key) { keyBytes, keyLength in
                LibCrypto.withBytes(message) { data, dataLength in
                    var written: UInt32 = 0
                    let result = HMAC(EVP_sha256(), keyBytes, Int32(keyLength), data, dataLength, code, &written)
                    return result != nil && written == UInt32(byteCount)
                }
            }
        }
    }

    /// True when `code` is the authentication code of `message` under `key`; compares in
    /// constant time so the comparison leaks nothing about how many bytes matched.
    public static func isValid(_ code: [UInt8], for message: [UInt8], key: [UInt8]) throws(CryptoError) -> Bool {
        ConstantTime.equals(try authenticationCode(for: message, key: key), code)
    }
}
