/// Errors thrown by contract types while decoding, before `WireFormat` turns them into a
/// `WireFormatError` with a dead-letter reason.
public enum ContractError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The family has no message of this type and version.
    case unknownMessageType(String, Int)

    public var description: String {
        switch self {
        case let .unknownMessageType(type, version): "unknown message type \(type) v\(version)"
        }
    }
}
