import Contracts

/// A payer's credit line at one instant: what is used, what is left, and whether it is frozen.
public struct CreditStatus: Sendable, Hashable {
    public let line: CreditLine
    /// Reserved by credit authorizations not yet captured or voided.
    public let reserved: Money
    /// Still owed on invoices.
    public let outstanding: Money
    /// limit - reserved - outstanding; negative when the limit was lowered below what is used.
    public let available: Money
    /// Unpaid invoices past due, oldest first. Any of them freezes new credit authorizations.
    public let overdueInvoices: [OrderID]

    public var isFrozen: Bool { !overdueInvoices.isEmpty }
}
