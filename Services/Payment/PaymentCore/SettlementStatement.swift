import Contracts
import Foundation

/// What the ledger says about one company over a period [from, to): for each of its accounts
/// (supplier-payable, distributor-payable, rebate-payable, buyer-receivable, buyer-deposit,
/// buyer-credit) and currency, the opening balance, every movement, and the closing balance.
///
/// A payment instance's ledger covers the payers of its partitions only, so a supplier's full
/// statement is the `combined` statement of every partition.
public struct SettlementStatement: Sendable, Hashable {
    /// One movement on one account.
    public struct Line: Sendable, Hashable {
        public let postingId: String
        public let postedAt: Date
        public let kind: LedgerPosting.Kind
        public let order: OrderID?
        public let memo: String
        /// Debit-positive, as in the ledger: on a payable account a sale is negative (owed to the company).
        public let amount: Money
    }

    /// One account in one currency.
    public struct Section: Sendable, Hashable {
        public let account: LedgerAccount
        public let currency: Currency
        public let opening: Money
        /// In posting order.
        public let lines: [Line]
        public let closing: Money
    }

    public let company: CompanyID
    /// Inclusive.
    public let from: Date
    /// Exclusive.
    public let to: Date
    /// Sorted by account, then currency code.
    public let sections: [Section]

    /// The statement of `company` for [from, to) from `ledger`.
    public static func `for`(_ company: CompanyID, from: Date, to: Date, in ledger: Ledger) -> SettlementStatement {
        struct Key: Hashable { let account: LedgerAccount; let currency: Currency }
        var opening: [Key: Int64] = [:]
        var lines: [Key: [Line]] = [:]
        for posting in ledger.postings where posting.postedAt < to {
            for entry in posting.entries where entry.account.company == company {
                let key = Key(account: entry.account, currency: entry.amount.currency)
                if posting.postedAt < from {
                    opening[key, default: 0] &+= entry.amount.minorUnits
                } else {
                    if opening[key] == nil { opening[key] = 0 }  // the account has a section even without history
                    lines[key, default: []].append(Line(postingId: posting.id, postedAt: posting.postedAt, kind: posting.kind,
                                                        order: posting.order, memo: posting.memo, amount: entry.amount))
                }
            }
        }
        let sections = opening.keys.map { key in
            section(key.account, key.currency, opening: opening[key] ?? 0, lines: lines[key] ?? [])
        }
        return SettlementStatement(company: company, from: from, to: to, sections: sorted(sections))
    }

    /// The statements of several partitions as one; nil when `statements` is empty or they are not
    /// all for the same company and period.
    public static func combined(_ statements: [SettlementStatement]) -> SettlementStatement? {
        guard let first = statements.first,
              statements.allSatisfy({ $0.company == first.company && $0.from == first.from && $0.to == first.to })
        else { return nil }
        var grouped: [LedgerAccount: [Currency: (opening: Int64, lines: [Line])]] = [:]
        for section in statements.flatMap(\.sections) {
            var entry = grouped[section.account]?[section.currency] ?? (0, [])
            entry.opening &+= section.opening.minorUnits
            entry.lines += section.lines
            grouped[section.account, default: [:]][section.currency] = entry
        }
        let sections = grouped.flatMap { account, perCurrency in
            perCurrency.map { currency, entry in
                section(account, currency, opening: entry.opening,
                        lines: entry.lines.sorted { ($0.postedAt, $0.postingId) < ($1.postedAt, $1.postingId) })
            }
        }
        return SettlementStatement(company: first.company, from: first.from, to: first.to, sections: sorted(sections))
    }

    /// What the platform owes the company at the end of the period, per currency (sorted by code):
    /// minus the sum of its closing balances. Negative when the company owes the platform.
    public var netPayable: [Money] {
        var totals: [Currency: Int64] = [:]
        for section in sections { totals[section.currency, default: 0] &-= section.closing.minorUnits }
        return totals.map { Money(minorUnits: $0.value, currency: $0.key) }.sorted { $0.currency.code < $1.currency.code }
    }

    private static func section(_ account: LedgerAccount, _ currency: Currency, opening: Int64, lines: [Line]) -> Section {
        let closing = lines.reduce(opening) { $0 &+ $1.amount.minorUnits }
        return Section(account: account, currency: currency, opening: Money(minorUnits: opening, currency: currency),
                       lines: lines, closing: Money(minorUnits: closing, currency: currency))
    }

    private static func sorted(_ sections: [Section]) -> [Section] {
        sections.sorted { ($0.account.rawValue, $0.currency.code) < ($1.account.rawValue, $1.currency.code) }
    }
}
