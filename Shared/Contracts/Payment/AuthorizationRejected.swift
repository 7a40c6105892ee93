/// Event: an authorization was refused (no credit line, credit frozen by an overdue invoice, limit
/// exceeded, invalid command...). Nothing was reserved.
public struct AuthorizationRejected: MessagePayload {
    public static let messageType = "payment.authorization-rejected"
    public static let messageVersion = 1

    /// The command this event answers; payment remembers it to recognise a repeat.
    public let commandId: MessageID
    public let payer: CompanyID
    public let order: OrderID
    public let amount: Money
    public let method: PaymentMethod
    public let code: RejectionCode
    /// The command field at fault, for validation failures.
    public let field: String?
    /// A sentence a buyer can act on, naming the available credit where it matters.
    public let reason: String
    /// The credit available at the time, for credit refusals.
    public let available: Money?
    /// Where the answer to the order service went (`order.commands.v1` key).
    public let replyKey: String

    public init(commandId: MessageID, payer: CompanyID, order: OrderID, amount: Money, method: PaymentMethod,
                code: RejectionCode, field: String?, reason: String, available: Money?, replyKey: String) {
        self.commandId = commandId
        self.payer = payer
        self.order = order
        self.amount = amount
        self.method = method
        self.code = code
        self.field = field
        self.reason = reason
        self.available = available
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", payer = "payer", order = "order", amount = "amount", method = "method"
        case code = "code", field = "field", reason = "reason", available = "available", replyKey = "replyKey"
    }
}
