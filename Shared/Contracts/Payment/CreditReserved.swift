/// Event: a credit authorization: `amount` of the payer's credit is reserved for the order until it is
/// captured (then it becomes an invoice) or voided (then it is released).
public struct CreditReserved: MessagePayload {
    public static let messageType = "payment.credit-reserved"
    public static let messageVersion = 1

    /// The command this event answers; payment remembers it to recognise a repeat.
    public let commandId: MessageID
    public let payer: CompanyID
    public let order: OrderID
    public let amount: Money
    public let settlement: [SettlementLine]
    /// The split terms fixed for each sub-order now (one per settlement line).
    public let rates: [SettlementRate]
    /// Credit still available after this reservation.
    public let available: Money
    /// Where the answer to the order service went (`order.commands.v1` key).
    public let replyKey: String

    public init(commandId: MessageID, payer: CompanyID, order: OrderID, amount: Money, settlement: [SettlementLine],
                rates: [SettlementRate], available: Money, replyKey: String) {
        self.commandId = commandId
        self.payer = payer
        self.order = order
        self.amount = amount
        self.settlement = settlement
        self.rates = rates
        self.available = available
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", payer = "payer", order = "order", amount = "amount", settlement = "settlement"
        case rates = "rates", available = "available", replyKey = "replyKey"
    }
}
