/// Why text is not canonical unpadded base64url.
public enum Base64URLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A character outside `A-Z a-z 0-9 - _` (padding `=` included) at a 0-based offset.
    case invalidCharacter(offset: Int)
    /// A length of 4n+1 characters, which no byte string encodes to.
    case invalidLength(Int)
    /// The unused bits of the last character are not zero.
    case nonCanonical

    public var description: String {
        switch self {
        case let .invalidCharacter(offset): "invalid base64url character at offset \(offset)"
        case let .invalidLength(length): "invalid base64url length \(length)"
        case .nonCanonical: "non-canonical base64url (unused bits set)"
        }
    }
}
