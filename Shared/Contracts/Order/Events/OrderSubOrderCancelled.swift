import Foundation

/// Event: one supplier's part of a confirmed order was cancelled before it shipped. `released`
/// lists the order lines whose stock was given back (a reservation released, or units committed
/// at confirmation put back on hand). `amount` is the part's value: it is not captured, or, when
/// other parts were delivered, it is refunded when the order completes.
public struct OrderSubOrderCancelled: MessagePayload {
    public static let messageType = "order.sub-order-cancelled"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    public let subOrder: String
    public let supplier: CompanyID
    /// The company that cancelled it: the supplier or the buyer.
    public let by: CompanyID
    public let user: UserID
    public let reason: String
    public let amount: Money
    public let released: [String]

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, subOrder: String, supplier: CompanyID,
                by: CompanyID, user: UserID, reason: String, amount: Money, released: [String]) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.subOrder = subOrder
        self.supplier = supplier
        self.by = by
        self.user = user
        self.reason = reason
        self.amount = amount
        self.released = released
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", subOrder = "subOrder"
        case supplier = "supplier", by = "by", user = "user", reason = "reason", amount = "amount", released = "released"
    }
}
