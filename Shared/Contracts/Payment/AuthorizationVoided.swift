import Foundation

/// Event: a prepayment or bank-transfer authorization was voided. What the buyer had already paid
/// for the order (`received`) becomes its credit balance (a ledger posting follows when it is not zero).
public struct AuthorizationVoided: MessagePayload {
    public static let messageType = "payment.authorization-voided"
    public static let messageVersion = 1

    /// The command this event answers; payment remembers it to recognise a repeat.
    public let commandId: MessageID
    public let payer: CompanyID
    public let order: OrderID
    public let method: PaymentMethod
    public let amount: Money
    public let received: Money
    public let reason: String
    public let voidedAt: Date
    /// Where the answer to the order service went (`order.commands.v1` key).
    public let replyKey: String

    public init(commandId: MessageID, payer: CompanyID, order: OrderID, method: PaymentMethod, amount: Money,
                received: Money, reason: String, voidedAt: Date, replyKey: String) {
        self.commandId = commandId
        self.payer = payer
        self.order = order
        self.method = method
        self.amount = amount
        self.received = received
        self.reason = reason
        self.voidedAt = voidedAt
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", payer = "payer", order = "order", method = "method", amount = "amount"
        case received = "received", reason = "reason", voidedAt = "voidedAt", replyKey = "replyKey"
    }
}
