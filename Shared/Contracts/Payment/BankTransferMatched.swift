import Foundation

/// Event: a bank transfer was reconciled (对账) against what the payer owes under its reference:
/// exact, partial, over, duplicate (the bank transaction was already recorded: nothing changed) or
/// unmatched. Except for duplicates, a ledger posting follows.
public struct BankTransferMatched: MessagePayload {
    public static let messageType = "payment.bank-transfer-matched"
    public static let messageVersion = 1

    /// The command this event answers; payment remembers it to recognise a repeat.
    public let commandId: MessageID
    public let payer: CompanyID
    public let bankTransactionId: String
    public let reference: String
    public let amount: Money
    public let match: PaymentMatch
    /// The order the money was applied to (or, for a duplicate, the original's order).
    public let order: OrderID?
    public let appliedTo: PaymentTarget?
    /// The part of `amount` that paid the order or invoice.
    public let applied: Money
    /// The part that became the payer's credit balance (over, unmatched).
    public let excess: Money
    /// What is still due on the order or invoice afterwards.
    public let remainingDue: Money?
    public let recordedAt: Date
    /// Present when this transfer completed an order awaiting payment: the order amount.
    public let paidInFull: Money?
    /// With `paidInFull`: where `paid` was sent (the order's `replyKey`).
    public let replyKey: String?

    public init(commandId: MessageID, payer: CompanyID, bankTransactionId: String, reference: String, amount: Money,
                match: PaymentMatch, order: OrderID?, appliedTo: PaymentTarget?, applied: Money, excess: Money,
                remainingDue: Money?, recordedAt: Date, paidInFull: Money?, replyKey: String?) {
        self.commandId = commandId
        self.payer = payer
        self.bankTransactionId = bankTransactionId
        self.reference = reference
        self.amount = amount
        self.match = match
        self.order = order
        self.appliedTo = appliedTo
        self.applied = applied
        self.excess = excess
        self.remainingDue = remainingDue
        self.recordedAt = recordedAt
        self.paidInFull = paidInFull
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", payer = "payer", bankTransactionId = "bankTransactionId"
        case reference = "reference", amount = "amount", match = "match", order = "order", appliedTo = "appliedTo"
        case applied = "applied", excess = "excess", remainingDue = "remainingDue", recordedAt = "recordedAt"
        case paidInFull = "paidInFull", replyKey = "replyKey"
    }
}
