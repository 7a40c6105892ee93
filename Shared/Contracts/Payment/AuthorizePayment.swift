/// Command (order -> payment): authorize the payment of an order. By credit, reserves credit; by
/// prepayment or bank transfer, asks the buyer to pay (reference = the order id). Answered with
/// `order.payment-result` on `order.commands.v1` keyed by `replyKey`.
public struct AuthorizePayment: MessagePayload {
    public static let messageType = "payment.authorize"
    public static let messageVersion = 1

    /// Also the authorization id (saga spec).
    public let order: OrderID
    public let payer: CompanyID
    /// The order total; the settlement lines add up to it.
    public let amount: Money
    public let method: PaymentMethod
    /// One line per sub-order (supplier), at most 1,000.
    public let settlement: [SettlementLine]
    /// Where the answer goes: the key of `order.commands.v1` (the buyer company id).
    public let replyKey: String

    public init(order: OrderID, payer: CompanyID, amount: Money, method: PaymentMethod, settlement: [SettlementLine],
                replyKey: String) {
        self.order = order
        self.payer = payer
        self.amount = amount
        self.method = method
        self.settlement = settlement
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", payer = "payer", amount = "amount", method = "method", settlement = "settlement"
        case replyKey = "replyKey"
    }
}
