/// Event: a credit authorization was voided; the reserved credit is available again.
public struct CreditReleased: MessagePayload {
    public static let messageType = "payment.credit-released"
    public static let messageVersion = 1

    /// The command this event answers; payment remembers it to recognise a repeat.
    public let commandId: MessageID
    public let payer: CompanyID
    public let order: OrderID
    public let amount: Money
    public let reason: String
    /// Credit available after the release.
    public let available: Money
    /// Where the answer to the order service went (`order.commands.v1` key).
    public let replyKey: String

    public init(commandId: MessageID, payer: CompanyID, order: OrderID, amount: Money, reason: String,
                available: Money, replyKey: String) {
        self.commandId = commandId
        self.payer = payer
        self.order = order
        self.amount = amount
        self.reason = reason
        self.available = available
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", payer = "payer", order = "order", amount = "amount", reason = "reason"
        case available = "available", replyKey = "replyKey"
    }
}
