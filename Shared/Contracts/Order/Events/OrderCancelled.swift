import Foundation

/// Event: the buyer cancelled the order. `released` lists the reservations given back, `payment`
/// what payment was asked to undo (nothing when no payment had been requested).
public struct OrderCancelled: MessagePayload {
    public static let messageType = "order.cancelled"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    public let by: UserID
    public let reason: String
    /// The status the order was in.
    public let cancelledIn: OrderStatus
    public let released: [String]
    public let payment: OrderPaymentCompensation?

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, by: UserID, reason: String,
                cancelledIn: OrderStatus, released: [String], payment: OrderPaymentCompensation?) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.by = by
        self.reason = reason
        self.cancelledIn = cancelledIn
        self.released = released
        self.payment = payment
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", by = "by", reason = "reason"
        case cancelledIn = "cancelledIn", released = "released", payment = "payment"
    }
}
