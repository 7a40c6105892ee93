/// A family that accepts every message type and keeps the payload as untyped JSON.
///
/// For topics whose typed family does not exist yet, and for tooling that must handle any topic
/// (dead-letter inspection and re-drive, topic dumps). Services that act on messages use typed
/// families: `RawFamily` never validates a payload.
public struct RawFamily: MessageFamily, Equatable {
    public let messageType: String
    public let messageVersion: Int
    public let payload: JSONValue

    public init(messageType: String, version: Int, payload: JSONValue) {
        self.messageType = messageType
        self.messageVersion = version
        self.payload = payload
    }

    /// Parses `payloadJSON` (one JSON value) as the payload.
    public init(messageType: String, version: Int, payloadJSON: [UInt8]) throws(WireFormatError) {
        self.init(messageType: messageType, version: version,
                  payload: try WireFormat.decodeValue(JSONValue.self, from: payloadJSON))
    }

    /// The payload as wire JSON (keys sorted, no whitespace): equal in meaning to the original,
    /// and byte-equal to anything this platform encoded (`1.0` would come back as `1`).
    public func payloadJSON() throws(WireFormatError) -> [UInt8] {
        try WireFormat.encodeValue(payload)
    }

    public func encodePayload(to encoder: any Encoder) throws {
        try payload.encode(to: encoder)
    }

    public init(messageType: String, version: Int, payloadFrom decoder: any Decoder) throws {
        self.init(messageType: messageType, version: version, payload: try JSONValue(from: decoder))
    }

    public static var messageTypes: [String] { [] }
}
