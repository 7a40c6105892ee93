/// What the fuzzer aims at: a gateway and a signed-in buyer, so bodies reach the real handlers
/// behind authentication instead of stopping at 401.
public struct FuzzTarget: Sendable {
    public let host: String
    public let token: String
    /// Real SKUs of the catalog: bodies naming them are valid except for the one broken part.
    public let skus: [String]
    /// The body limit of the gateway (oversized bodies are one byte more).
    public let maxBodyBytes: Int

    public init(host: String, token: String, skus: [String], maxBodyBytes: Int = 1 << 20) {
        precondition(!skus.isEmpty, "the fuzzer needs at least one real SKU")
        self.host = host
        self.token = token
        self.skus = skus
        self.maxBodyBytes = maxBodyBytes
    }
}
