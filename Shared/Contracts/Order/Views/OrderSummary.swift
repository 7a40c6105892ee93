import Foundation

/// The public read model of one order (GET /v1/orders/{id}, and the `order` answer of an
/// `OrderReply`): status, lines with prices and the rule that priced them, sub-orders per supplier
/// with their shipment, totals, approvals, payment and history.
public struct OrderSummary: Codable, Sendable, Hashable {
    public let order: OrderID
    public let buyer: CompanyID
    public let status: OrderStatus
    /// Why the order is rejected, cancelled or expired, in words the buyer can act on.
    public let statusReason: String?
    public let placedBy: UserID
    public let placedAt: Date
    /// When the order last changed.
    public let updatedAt: Date
    public let idempotencyKey: String?
    public let poNumber: String?
    public let note: String?
    public let deliveryAddress: Address
    public let payment: Payment
    public let lines: [Line]
    public let subOrders: [SubOrderView]
    public let totals: OrderTotals
    /// The approval steps in sequence (empty when no rule matched).
    public let approval: [ApprovalProgress]
    /// When the order expires if nothing happens (approval or payment deadline); nil once confirmed.
    public let deadline: Date?
    /// Oldest first: every status change and notable step.
    public let history: [HistoryEntry]
    /// The order's returns (RMA), oldest first; empty for most orders.
    public var returns: [ReturnView] { storedReturns ?? [] }
    /// Absent on the wire when there are none, so summaries without returns keep their bytes and
    /// summaries from before returns existed still decode.
    private let storedReturns: [ReturnView]?

    public init(order: OrderID, buyer: CompanyID, status: OrderStatus, statusReason: String?, placedBy: UserID,
                placedAt: Date, updatedAt: Date, idempotencyKey: String?, poNumber: String?, note: String?,
                deliveryAddress: Address, payment: Payment, lines: [Line], subOrders: [SubOrderView],
                totals: OrderTotals, approval: [ApprovalProgress], deadline: Date?, history: [HistoryEntry],
                returns: [ReturnView] = []) {
        self.order = order
        self.buyer = buyer
        self.status = status
        self.statusReason = statusReason
        self.placedBy = placedBy
        self.placedAt = WireTimestamp.roundedToMilliseconds(placedAt)
        self.updatedAt = WireTimestamp.roundedToMilliseconds(updatedAt)
        self.idempotencyKey = idempotencyKey
        self.poNumber = poNumber
        self.note = note
        self.deliveryAddress = deliveryAddress
        self.payment = payment
        self.lines = lines
        self.subOrders = subOrders
        self.totals = totals
        self.approval = approval
        self.deadline = deadline.map(WireTimestamp.roundedToMilliseconds)
        self.history = history
        self.storedReturns = returns.isEmpty ? nil : returns
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", buyer = "buyer", status = "status", statusReason = "statusReason"
        case placedBy = "placedBy", placedAt = "placedAt", updatedAt = "updatedAt"
        case idempotencyKey = "idempotencyKey", poNumber = "poNumber", note = "note"
        case deliveryAddress = "deliveryAddress", payment = "payment", lines = "lines", subOrders = "subOrders"
        case totals = "totals", approval = "approval", deadline = "deadline", history = "history"
        case storedReturns = "returns"
    }
}
