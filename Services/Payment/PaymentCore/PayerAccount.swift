import Contracts
import Foundation
import Packing

/// Everything payment knows about one payer: its credit line, its orders' authorizations, its
/// invoices, the money it sent, and the commands recently handled for it.
public struct PayerAccount: Sendable, Equatable, Codable {
    public let payer: CompanyID
    public internal(set) var creditLine: CreditLine?
    /// By order, packed (see `PaymentAuthorization+Packing`).
    public internal(set) var authorizations = PackedTable<OrderID, PaymentAuthorization>()
    public internal(set) var invoices: [OrderID: Invoice] = [:]
    /// In the order they arrived. Kept whole (not bounded): a bank statement imported again months
    /// later must still be recognised as a duplicate.
    public internal(set) var receivedPayments: [ReceivedPayment] = []
    /// `ReceivedPayment.key` -> index in `receivedPayments`.
    var receivedPaymentIndex: [String: Int] = [:]
    var recentCommands: RecentCommands

    init(payer: CompanyID, rememberedCommands: Int) {
        self.payer = payer
        recentCommands = RecentCommands(limit: rememberedCommands)
    }

    /// The payment already recorded under `source`/`externalId`, if any.
    public func receivedPayment(_ source: ReceivedPayment.Source, _ externalId: String) -> ReceivedPayment? {
        receivedPaymentIndex[ReceivedPayment.key(source, externalId)].map { receivedPayments[$0] }
    }

    /// Credit in use in `currency`: held by credit authorizations not yet captured or voided (less
    /// the parts released when sub-orders were cancelled), plus what open invoices still owe.
    /// Throws on a currency mismatch or overflow.
    func creditUsage(in currency: Currency) throws(MoneyError) -> (reserved: Money, outstanding: Money) {
        // Summaries only: no authorization is unpacked to sum the credit in use.
        let reserved = try Money.sum(authorizations.summaries.map(\.summary)
                                        .filter { $0.status == .creditReserved }.map(\.amount), in: currency)
        let outstanding = try Money.sum(invoices.values.map(\.outstanding).filter { !$0.isZero }, in: currency)
        return (reserved, outstanding)
    }

    /// What the credit line leaves to use: limit - reserved - outstanding, in the line's currency
    /// (`currency` and a limit of zero without a line), plus `releasing`: credit a decision is
    /// about to give back. Throws on a currency mismatch or overflow.
    func availableCredit(in currency: Currency, releasing: Money? = nil) throws(MoneyError) -> Money {
        let limit = creditLine?.limit ?? .zero(currency)
        let usage = try creditUsage(in: limit.currency)
        let available = try limit.subtracting(usage.reserved).subtracting(usage.outstanding)
        guard let releasing else { return available }
        return try available.adding(releasing)
    }

    /// Unpaid invoices past their due date at `now`, oldest due first.
    public func overdueInvoices(at now: Date) -> [Invoice] {
        invoices.values.filter { $0.isOverdue(at: now) }.sorted { ($0.dueAt, $0.order) < ($1.dueAt, $1.order) }
    }

    /// The credit line's state at `now`; nil without a credit line.
    public func creditStatus(at now: Date) -> CreditStatus? {
        guard let line = creditLine, let usage = try? creditUsage(in: line.limit.currency) else { return nil }
        let available = line.limit.minorUnits &- usage.reserved.minorUnits &- usage.outstanding.minorUnits
        return CreditStatus(line: line, reserved: usage.reserved, outstanding: usage.outstanding,
                            available: Money(minorUnits: available, currency: line.limit.currency),
                            overdueInvoices: overdueInvoices(at: now).map(\.order))
    }
}
