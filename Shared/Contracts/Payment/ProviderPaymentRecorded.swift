import Foundation

/// Event: a payment provider reported a payment for an order. A success is matched like a bank
/// transfer (`match`, with a ledger posting unless duplicate); a failure changes nothing but is kept
/// for the buyer and for support.
public struct ProviderPaymentRecorded: MessagePayload {
    public static let messageType = "payment.provider-payment-recorded"
    public static let messageVersion = 1

    /// The command this event answers; payment remembers it to recognise a repeat.
    public let commandId: MessageID
    public let payer: CompanyID
    public let order: OrderID
    public let providerPaymentId: String
    public let amount: Money
    public let status: ProviderPaymentStatus
    public let failureReason: String?
    /// How a success was matched; absent for a failure.
    public let match: PaymentMatch?
    public let appliedTo: PaymentTarget?
    public let applied: Money
    public let excess: Money
    public let remainingDue: Money?
    public let recordedAt: Date
    /// Present when this payment completed an order awaiting payment: the order amount.
    public let paidInFull: Money?
    /// With `paidInFull`: where `paid` was sent (the order's `replyKey`). For a failure of a payment
    /// the order still awaits: where `attempt-failed` was sent.
    public let replyKey: String?

    public init(commandId: MessageID, payer: CompanyID, order: OrderID, providerPaymentId: String, amount: Money,
                status: ProviderPaymentStatus, failureReason: String?, match: PaymentMatch?,
                appliedTo: PaymentTarget?, applied: Money, excess: Money, remainingDue: Money?, recordedAt: Date,
                paidInFull: Money?, replyKey: String?) {
        self.commandId = commandId
        self.payer = payer
        self.order = order
        self.providerPaymentId = providerPaymentId
        self.amount = amount
        self.status = status
        self.failureReason = failureReason
        self.match = match
        self.appliedTo = appliedTo
        self.applied = applied
        self.excess = excess
        self.remainingDue = remainingDue
        self.recordedAt = recordedAt
        self.paidInFull = paidInFull
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", payer = "payer", order = "order", providerPaymentId = "providerPaymentId"
        case amount = "amount", status = "status", failureReason = "failureReason", match = "match"
        case appliedTo = "appliedTo", applied = "applied", excess = "excess", remainingDue = "remainingDue"
        case recordedAt = "recordedAt", paidInFull = "paidInFull", replyKey = "replyKey"
    }
}
