/// Size limits of payment commands (DESIGN principle 8: a limit on every size). A command over a
/// limit is refused with the field named, never truncated silently.
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
    /// Days before an invoice's due date at which its payer is reminded (账期到期提醒), once each.
    public var invoiceReminderDays = [7, 3, 1]

    public init() {}

    public static let standard = PaymentLimits()
}
