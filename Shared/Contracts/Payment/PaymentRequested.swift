/// Event: a prepayment or bank-transfer authorization: the order waits for the buyer's money, to be
/// paid under `reference` (the order id).
public struct PaymentRequested: MessagePayload {
    public static let messageType = "payment.payment-requested"
    public static let messageVersion = 1

    /// The command this event answers; payment remembers it to recognise a repeat.
    public let commandId: MessageID
    public let payer: CompanyID
    public let order: OrderID
    public let amount: Money
    public let method: PaymentMethod
    /// What the buyer must quote with its payment: the order id.
    public let reference: String
    public let settlement: [SettlementLine]
    /// The split terms fixed for each sub-order now (one per settlement line).
    public let rates: [SettlementRate]
    /// Where the answer to the order service went (`order.commands.v1` key).
    public let replyKey: String

    public init(commandId: MessageID, payer: CompanyID, order: OrderID, amount: Money, method: PaymentMethod,
                reference: String, settlement: [SettlementLine], rates: [SettlementRate], replyKey: String) {
        self.commandId = commandId
        self.payer = payer
        self.order = order
        self.amount = amount
        self.method = method
        self.reference = reference
        self.settlement = settlement
        self.rates = rates
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", payer = "payer", order = "order", amount = "amount", method = "method"
        case reference = "reference", settlement = "settlement", rates = "rates", replyKey = "replyKey"
    }
}
