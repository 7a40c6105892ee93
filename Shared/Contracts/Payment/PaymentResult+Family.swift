import Foundation

/// Payment's replies to the order service travel as envelopes of their own family (one type).
extension PaymentResult: MessageFamily {
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
