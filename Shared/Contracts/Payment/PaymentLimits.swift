/// Size limits of payment commands (DESIGN principle 8: a limit on every size). A command over a
/// limit is refused with the field named, never truncated silently. In Contracts so that the
/// gateway refuses what payment would, before it answers, with the same numbers.
public struct PaymentLimits: Sendable, Equatable {
    /// Settlement lines (sub-orders) of one authorization; the saga caps orders at 1,000 lines.
    public var maximumSettlementLines = 1_000
    /// Free text: reasons, references, refund ids.
    public var maximumTextLength = 256
    /// Ids from outside systems: bank transaction ids, provider payment ids.
    public var maximumExternalIdLength = 128
    /// Segments of a category path.
    public var maximumCategoryDepth = 16
    /// Rules in one settlement rule set.
    public var maximumSettlementRules = 1_000
    /// The longest credit term.
    public var maximumTermDays = 365
    /// The largest amount of one incoming payment (a bank statement line, a provider notice):
    /// 10^14 minor units, a trillion in a currency with cents. Far beyond any real payment, and
    /// far enough below 2^63 that balances summing millions of them cannot overflow.
    public var maximumPaymentMinorUnits: Int64 = 100_000_000_000_000
    /// Days before an invoice's due date at which its payer is reminded (账期到期提醒), once each.
    public var invoiceReminderDays = [7, 3, 1]

    public init() {}

    public static let standard = PaymentLimits()
}
