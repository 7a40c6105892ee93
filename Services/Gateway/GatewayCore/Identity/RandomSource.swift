import Crypto

/// Where the identity core gets random bytes (salts, API key secrets, new ids). Injected like the
/// clock, so the core stays free of hidden inputs; production uses `.system`.
public struct RandomSource: Sendable {
    private let generate: @Sendable (Int) throws(CryptoError) -> [UInt8]

    public init(_ generate: @escaping @Sendable (Int) throws(CryptoError) -> [UInt8]) {
        self.generate = generate
    }

    /// libcrypto's `RAND_bytes`.
    public static var system: RandomSource {
        RandomSource { count throws(CryptoError) in try SecureRandom.bytes(count: count) }
    }

    public func bytes(_ count: Int) throws(CryptoError) -> [UInt8] {
        try generate(count)
    }

    /// `prefix` followed by `byteCount` random bytes in lowercase hex, e.g. "usr-3f9a0c1d2e4b5a69".
    func identifier(prefix: String, byteCount: Int = 8) throws(CryptoError) -> String {
        prefix + Hex.encode(try bytes(byteCount))
    }
}
