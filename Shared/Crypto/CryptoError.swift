/// Why a cryptographic operation failed. libcrypto fails only on allocation failure or on
/// arguments outside its limits, so callers usually turn this into a 500 / "try again later".
public enum CryptoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A libcrypto call reported failure; `detail` is OpenSSL's error string (or "unknown error").
    case libcrypto(operation: String, detail: String)
    /// An argument outside what the operation accepts, e.g. zero PBKDF2 iterations.
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .libcrypto(operation, detail): "\(operation) failed: \(detail)"
        case let .invalidArgument(problem): "invalid argument: \(problem)"
        }
    }
}
