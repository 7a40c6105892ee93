import Contracts

/// A reply to the order service: produced to `order.commands.v1` with Kafka key `key` (the reserve
/// command's `replyKey`, i.e. the buyer company), so it reaches the partition of the order that asked.
public struct InventoryReply: Sendable, Equatable {
    public let key: String
    public let payload: StockReservationResult

    public init(key: String, payload: StockReservationResult) {
        self.key = key
        self.payload = payload
    }
}
