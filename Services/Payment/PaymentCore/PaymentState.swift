import Contracts
import Foundation

/// What one payment partition knows: the accounts of its payers (credit line, authorizations,
/// invoices, payments received, recently handled commands), the platform's settlement rules, and
/// the ledger. A pure fold of the partition of `payment.events.v1` (`apply`), plus the
/// platform-wide `settlement-rules-set` events; `Codable` for local checkpoints.
public struct PaymentState: Sendable, Equatable, Codable {
    /// Default for `rememberedCommandsPerPayer`: covers crash replay and client retries (see
    /// `RecentCommands`) at roughly 200 bytes per command, i.e. at most ~200 KB for a payer that
    /// has sent that many commands.
    public static let defaultRememberedCommandsPerPayer = 1_000

    public let rememberedCommandsPerPayer: Int
    var payers: [CompanyID: PayerAccount] = [:]
    /// The platform's settlement rules, as last set.
    public internal(set) var settlementRules: [SettlementRule] = []
    public internal(set) var ledger = Ledger()
    /// Handled `set-settlement-rules` commands (they have no payer).
    var settlementRuleCommands: RecentCommands

    public init(rememberedCommandsPerPayer: Int = PaymentState.defaultRememberedCommandsPerPayer) {
        precondition(rememberedCommandsPerPayer > 0, "must remember at least one command per payer")
        self.rememberedCommandsPerPayer = rememberedCommandsPerPayer
        settlementRuleCommands = RecentCommands(limit: rememberedCommandsPerPayer)
    }

    /// The payer's account, or nil when nothing has happened to it yet.
    public func account(of payer: CompanyID) -> PayerAccount? { payers[payer] }

    /// The payers with any state, sorted.
    public var knownPayers: [CompanyID] { payers.keys.sorted() }

    /// The payer's credit line at `now` (used, available, frozen); nil without a credit line.
    public func creditStatus(of payer: CompanyID, at now: Date) -> CreditStatus? {
        payers[payer]?.creditStatus(at: now)
    }

    /// The authorization of `order`, paid by `payer`.
    public func authorization(of order: OrderID, payer: CompanyID) -> PaymentAuthorization? {
        payers[payer]?.authorizations[order]
    }

    /// What the platform holds for the payer and owes back (overpayments, unmatched transfers,
    /// refunds of paid money), per currency: minus the balance of its buyer-credit account.
    public func creditBalance(of payer: CompanyID) -> [Money] {
        ledger.balance(.buyerCredit(payer)).map { Money(minorUnits: 0 &- $0.minorUnits, currency: $0.currency) }
    }

    /// Payers with an unpaid invoice past due at `now` that is not yet marked overdue: the timer
    /// sends each a `payment.mark-overdue-due`.
    public func payersWithInvoicesDue(at now: Date) -> [CompanyID] {
        payers.values.filter { account in
            account.invoices.values.contains { !$0.isSettled && !$0.markedOverdue && $0.dueAt < now }
        }.map(\.payer).sorted()
    }

    /// Payers with an unpaid invoice whose next reminder window (`days` before its due date) is
    /// reached at `now`: the timer sends each a `payment.remind-invoices-due`.
    public func payersWithRemindersDue(at now: Date, days: [Int]) -> [CompanyID] {
        payers.values.filter { account in
            account.invoices.values.contains { $0.reminderWindow(at: now, days: days) != nil }
        }.map(\.payer).sorted()
    }

    /// True when the command was handled recently enough to be remembered (for `payer`, or among
    /// the settlement-rule commands when `payer` is nil).
    public func hasHandled(_ commandId: MessageID, payer: CompanyID?) -> Bool {
        guard let payer else { return settlementRuleCommands.contains(commandId) }
        return payers[payer]?.recentCommands.contains(commandId) ?? false
    }

    /// The replies a remembered command caused, to send again when it is repeated.
    func replies(of commandId: MessageID, payer: CompanyID?) -> [PaymentReply] {
        guard let payer else { return settlementRuleCommands.replies(for: commandId) }
        return payers[payer]?.recentCommands.replies(for: commandId) ?? []
    }
}
