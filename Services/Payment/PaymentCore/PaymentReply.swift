import Contracts

/// An answer to the order service: `result` goes to `order.commands.v1` with Kafka key `key`.
public struct PaymentReply: Sendable, Hashable, Codable {
    public let key: String
    public let result: PaymentResult

    public init(key: String, result: PaymentResult) {
        self.key = key
        self.result = result
    }
}
