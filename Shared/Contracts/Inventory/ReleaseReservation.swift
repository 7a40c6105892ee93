/// Command (order saga): give the units of a reservation back (cancel, expiry, payment failure,
/// or another line could not be reserved). Releasing an unknown or already released reservation
/// changes nothing; a committed one cannot be released.
public struct ReleaseReservation: MessagePayload {
    public static let messageType = "inventory.release-reservation"
    public static let messageVersion = 1

    public let reservation: String
    public let order: OrderID
    public let sku: SKU
    /// Why, in words a buyer can read ("order cancelled by buyer"); kept on the event.
    public let reason: String
    /// The buyer company id. No reply is sent for a release; kept for symmetry and tracing.
    public let replyKey: String

    public init(reservation: String, order: OrderID, sku: SKU, reason: String, replyKey: String) {
        self.reservation = reservation
        self.order = order
        self.sku = sku
        self.reason = reason
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case reservation = "reservation", order = "order", sku = "sku", reason = "reason", replyKey = "replyKey"
    }
}
