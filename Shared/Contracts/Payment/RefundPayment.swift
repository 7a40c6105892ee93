/// Command (order -> payment): refund part or all of a captured order (RMA). The settlement split
/// of the lines returned is reversed (`lines`: each settlement line the returned goods were sold
/// under, with the amount refunded from it; without them, the whole order's split in proportion);
/// the refund first reduces what the payer still owes on the invoice, the rest becomes its credit
/// balance.
public struct RefundPayment: MessagePayload {
    public static let messageType = "payment.refund"
    public static let messageVersion = 1

    /// The refund's own id (e.g. the RMA number); a refund id is used once per order.
    public let refund: String
    public let order: OrderID
    public let payer: CompanyID
    public let amount: Money
    public let reason: String
    public let replyKey: String
    /// The settlement lines (sub-order, distributor, category) the refund comes from, each with the
    /// amount refunded from it; they add up to `amount`.
    public let lines: [SettlementLine]?

    public init(refund: String, order: OrderID, payer: CompanyID, amount: Money, reason: String, replyKey: String,
                lines: [SettlementLine]? = nil) {
        self.refund = refund
        self.order = order
        self.payer = payer
        self.amount = amount
        self.reason = reason
        self.replyKey = replyKey
        self.lines = lines
    }

    private enum CodingKeys: String, CodingKey {
        case refund = "refund", order = "order", payer = "payer", amount = "amount", reason = "reason"
        case replyKey = "replyKey", lines = "lines"
    }
}
