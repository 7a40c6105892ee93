/// Why the token configuration is unusable; reported once at startup.
public enum TokenConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidKeyID(String)
    case secretTooShort(keyID: String, bytes: Int, minimum: Int)
    case invalidSecretEncoding(keyID: String)
    case duplicateKeyID(String)
    case leewayOutOfRange(seconds: Double, maximum: Double)

    public var description: String {
        switch self {
        case let .invalidKeyID(id): "invalid signing key id \"\(id)\": use 1...64 of A-Z a-z 0-9 . _ -"
        case let .secretTooShort(id, bytes, minimum): "signing key \(id) has \(bytes) bytes; at least \(minimum) are required"
        case let .invalidSecretEncoding(id): "signing key \(id) is not unpadded base64url"
        case let .duplicateKeyID(id): "signing key id \(id) is used twice"
        case let .leewayOutOfRange(seconds, maximum): "token leeway \(seconds) s is outside 0...\(maximum) s"
        }
    }
}
