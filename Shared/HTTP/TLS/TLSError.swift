/// Why a TLS handshake, read or write failed, in words an operator can act on
/// ("certificate verify failed: unable to get local issuer certificate").
public struct TLSError: Error, CustomStringConvertible, Sendable {
    public let description: String
}
