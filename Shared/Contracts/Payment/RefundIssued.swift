import Foundation

/// Event: part or all of a captured order was refunded. `reversed` takes back each party's share in
/// proportion (exactly: the parts add up to the refund). The refund first reduces what the payer
/// still owes on the invoice (`creditedToInvoice`); the rest is owed back to the payer
/// (`creditedToBalance`, its credit balance). A ledger posting follows.
public struct RefundIssued: MessagePayload {
    public static let messageType = "payment.refund-issued"
    public static let messageVersion = 1

    /// The command this event answers; payment remembers it to recognise a repeat.
    public let commandId: MessageID
    public let payer: CompanyID
    public let order: OrderID
    public let refund: String
    public let amount: Money
    public let reason: String
    public let refundedAt: Date
    public let reversed: [SettlementShare]
    public let creditedToInvoice: Money
    public let creditedToBalance: Money
    /// All refunds of the order so far, this one included.
    public let totalRefunded: Money
    /// Where the answer to the order service went (`order.commands.v1` key).
    public let replyKey: String

    public init(commandId: MessageID, payer: CompanyID, order: OrderID, refund: String, amount: Money, reason: String,
                refundedAt: Date, reversed: [SettlementShare], creditedToInvoice: Money, creditedToBalance: Money,
                totalRefunded: Money, replyKey: String) {
        self.commandId = commandId
        self.payer = payer
        self.order = order
        self.refund = refund
        self.amount = amount
        self.reason = reason
        self.refundedAt = refundedAt
        self.reversed = reversed
        self.creditedToInvoice = creditedToInvoice
        self.creditedToBalance = creditedToBalance
        self.totalRefunded = totalRefunded
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", payer = "payer", order = "order", refund = "refund", amount = "amount"
        case reason = "reason", refundedAt = "refundedAt", reversed = "reversed"
        case creditedToInvoice = "creditedToInvoice", creditedToBalance = "creditedToBalance"
        case totalRefunded = "totalRefunded", replyKey = "replyKey"
    }
}
