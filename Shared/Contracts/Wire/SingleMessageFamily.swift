/// A family of exactly one message, such as a reply: the payload type is its own family, so it
/// can travel in an `Envelope` without an enum around it. Conform with an empty extension.
public protocol SingleMessageFamily: MessagePayload, MessageFamily {}

extension SingleMessageFamily {
    public static var messageTypes: [String] { [messageType] }
    public var messageType: String { Self.messageType }
    public var messageVersion: Int { Self.messageVersion }

    public func encodePayload(to encoder: any Encoder) throws {
        try encode(to: encoder)
    }

    public init(messageType: String, version: Int, payloadFrom decoder: any Decoder) throws {
        guard Self.matches(messageType, version) else {
            throw ContractError.unknownMessageType(messageType, version)
        }
        try self.init(from: decoder)
    }
}
