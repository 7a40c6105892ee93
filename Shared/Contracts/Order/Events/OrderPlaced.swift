import Foundation

/// Event: an order was placed. Carries the full order (lines with ids and totals, sub-orders), so
/// an outside system can follow the order from this event alone.
public struct OrderPlaced: MessagePayload {
    public static let messageType = "order.placed"
    public static let messageVersion = 1

    /// The command that produced this event (every order event carries it: the order service
    /// remembers it to recognise a repeated command).
    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    /// When it was placed.
    public let at: Date
    public let placedBy: UserID
    /// `pending-approval` when an approval rule matched (an `order.approval-requested` follows),
    /// otherwise `reserving-stock`.
    public let status: OrderStatus
    public let idempotencyKey: String?
    public let poNumber: String?
    public let note: String?
    public let deliveryAddress: Address
    public let paymentMethod: PaymentMethod
    public let lines: [OrderLine]
    public let subOrders: [SubOrder]
    public let total: Money
    /// When the order expires unless paid; set when stock reservation starts (now, or at the last
    /// approval).
    public let paymentDueBy: Date?

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, placedBy: UserID,
                status: OrderStatus, idempotencyKey: String?, poNumber: String?, note: String?,
                deliveryAddress: Address, paymentMethod: PaymentMethod, lines: [OrderLine], subOrders: [SubOrder],
                total: Money, paymentDueBy: Date?) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.placedBy = placedBy
        self.status = status
        self.idempotencyKey = idempotencyKey
        self.poNumber = poNumber
        self.note = note
        self.deliveryAddress = deliveryAddress
        self.paymentMethod = paymentMethod
        self.lines = lines
        self.subOrders = subOrders
        self.total = total
        self.paymentDueBy = paymentDueBy.map(WireTimestamp.roundedToMilliseconds)
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", placedBy = "placedBy"
        case status = "status", idempotencyKey = "idempotencyKey", poNumber = "poNumber", note = "note"
        case deliveryAddress = "deliveryAddress", paymentMethod = "paymentMethod", lines = "lines"
        case subOrders = "subOrders", total = "total", paymentDueBy = "paymentDueBy"
    }
}
