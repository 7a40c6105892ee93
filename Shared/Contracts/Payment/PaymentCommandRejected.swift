/// Event: a payment command other than an authorization was refused (capture of an unknown order,
/// refund over the captured amount, credit line set without the finance role...). Nothing changed
/// except that the command counts as handled.
public struct PaymentCommandRejected: MessagePayload {
    public static let messageType = "payment.command-rejected"
    public static let messageVersion = 1

    /// The command this event answers; payment remembers it to recognise a repeat.
    public let commandId: MessageID
    /// Absent for the platform-wide settlement rules.
    public let payer: CompanyID?
    public let order: OrderID?
    /// The refused command's message type, e.g. "payment.capture".
    public let command: String
    public let code: RejectionCode
    public let field: String?
    public let reason: String
    /// Present when the order service asked: `rejected` was sent there.
    public let replyKey: String?

    public init(commandId: MessageID, payer: CompanyID?, order: OrderID?, command: String, code: RejectionCode,
                field: String?, reason: String, replyKey: String?) {
        self.commandId = commandId
        self.payer = payer
        self.order = order
        self.command = command
        self.code = code
        self.field = field
        self.reason = reason
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", payer = "payer", order = "order", command = "command", code = "code"
        case field = "field", reason = "reason", replyKey = "replyKey"
    }
}
