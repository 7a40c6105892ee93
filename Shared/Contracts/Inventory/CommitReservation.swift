/// Command (order saga, on order confirmation): the reserved units leave stock. On-hand and reserved
/// both fall by the reservation's allocations, so available does not change.
public struct CommitReservation: MessagePayload {
    public static let messageType = "inventory.commit-reservation"
    public static let messageVersion = 1

    public let reservation: String
    public let order: OrderID
    public let sku: SKU
    /// The buyer company id. No reply is sent for a commit; kept for symmetry and tracing.
    public let replyKey: String

    public init(reservation: String, order: OrderID, sku: SKU, replyKey: String) {
        self.reservation = reservation
        self.order = order
        self.sku = sku
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case reservation = "reservation", order = "order", sku = "sku", replyKey = "replyKey"
    }
}
