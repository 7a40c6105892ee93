/// The messages one topic carries: usually an enum with one case per message type.
///
/// The wire name of each case is declared explicitly (see `MessagePayload`), never derived from a
/// Swift type name, so renaming a Swift type cannot change what is on the wire. Routing on decode is
/// an explicit `switch` over (type, version) pairs.
public protocol MessageFamily: Sendable {
    /// Stable wire name of this case, e.g. "inventory.stock-received".
    var messageType: String { get }
    /// Payload schema version of this case; starts at 1. Adding an optional field keeps the version;
    /// renaming or retyping a field needs a new version (and usually a new `.vN` topic).
    var messageVersion: Int { get }

    /// Writes only the payload object (the envelope writes the header fields).
    func encodePayload(to encoder: any Encoder) throws

    /// Reads the payload of a message of `messageType`/`version`.
    /// Throws `ContractError.unknownMessageType` for a pair the family does not know.
    init(messageType: String, version: Int, payloadFrom decoder: any Decoder) throws

    /// Every wire name the family can decode (for docs, fixtures and tests). Empty for `RawFamily`,
    /// which accepts any.
    static var messageTypes: [String] { get }
}

/// One concrete message: a `Codable` struct that declares its own wire name and version, so both
/// are written in exactly one place.
public protocol MessagePayload: Codable, Sendable, Equatable {
    static var messageType: String { get }
    static var messageVersion: Int { get }
}

extension MessagePayload {
    /// True when a decoded (type, version) pair names this payload.
    public static func matches(_ type: String, _ version: Int) -> Bool {
        type == messageType && version == messageVersion
    }
}
