import Foundation

/// A settlement statement (结算单): what the ledger says about one company over a period
/// [from, to). For each of its accounts (supplier-payable, distributor-payable, rebate-payable,
/// buyer-receivable, buyer-deposit, buyer-credit) and currency: the opening balance, every
/// movement, and the closing balance. Amounts are debit-positive, as in the ledger: on a payable
/// account a sale is negative (owed to the company).
///
/// A payment instance's ledger covers the payers of its partitions only, so a supplier's full
/// statement is the `combined` statement of every partition (the gateway asks each one).
public struct SettlementStatement: Codable, Sendable, Hashable {
    /// One movement on one account.
    public struct Line: Codable, Sendable, Hashable {
        public let postingId: String
        public let postedAt: Date
        public let kind: LedgerPosting.Kind
        public let order: OrderID?
        public let memo: String
        public let amount: Money

        public init(postingId: String, postedAt: Date, kind: LedgerPosting.Kind, order: OrderID?, memo: String, amount: Money) {
            self.postingId = postingId
            self.postedAt = postedAt
            self.kind = kind
            self.order = order
            self.memo = memo
            self.amount = amount
        }
    }

    /// One account in one currency.
    public struct Section: Codable, Sendable, Hashable {
        public let account: LedgerAccount
        public let currency: Currency
        public let opening: Money
        /// In posting order.
        public let lines: [Line]
        public let closing: Money
    }

    /// The movements of one account in one currency, before they become a `Section`.
    public struct Movements: Sendable {
        public let account: LedgerAccount
        public let currency: Currency
        public var opening: Int64
        public var lines: [Line]
        /// The sum of movements known only as a total (left out of an earlier, truncated answer).
        public var omitted: Int64 = 0

        public init(account: LedgerAccount, currency: Currency, opening: Int64 = 0, lines: [Line] = []) {
            self.account = account
            self.currency = currency
            self.opening = opening
            self.lines = lines
        }
    }

    /// Lines per statement answer: keeps one reply well under Kafka's message size limit.
    public static let maximumLines = 2_000

    public let company: CompanyID
    /// Inclusive.
    public let from: Date
    /// Exclusive.
    public let to: Date
    /// Sorted by account, then currency code.
    public let sections: [Section]
    /// True when the period held more than `maximumLines` movements: the newest were left out (the
    /// closing balances still count them); ask for a shorter period.
    public private(set) var truncated: Bool

    /// Sections from `movements`; closing = opening + every movement, even those left out when
    /// the lines are cut at `maximumLines`.
    public init(company: CompanyID, from: Date, to: Date, movements: [Movements]) {
        var budget = Self.maximumLines
        var truncated = false
        let sections = movements.sorted { ($0.account.rawValue, $0.currency.code) < ($1.account.rawValue, $1.currency.code) }
            .map { movement in
                let closing = movement.lines.reduce(movement.opening &+ movement.omitted) { $0 &+ $1.amount.minorUnits }
                let kept = Array(movement.lines.prefix(max(budget, 0)))
                budget -= kept.count
                if kept.count < movement.lines.count || movement.omitted != 0 { truncated = true }
                return Section(account: movement.account, currency: movement.currency,
                               opening: Money(minorUnits: movement.opening, currency: movement.currency), lines: kept,
                               closing: Money(minorUnits: closing, currency: movement.currency))
            }
        self.company = company
        self.from = from
        self.to = to
        self.sections = sections
        self.truncated = truncated
    }

    /// The statements of several partitions as one; nil when `statements` is empty or they are not
    /// all for the same company and period.
    public static func combined(_ statements: [SettlementStatement]) -> SettlementStatement? {
        guard let first = statements.first,
              statements.allSatisfy({ $0.company == first.company && $0.from == first.from && $0.to == first.to })
        else { return nil }
        struct Key: Hashable { let account: LedgerAccount; let currency: Currency }
        var grouped: [Key: Movements] = [:]
        for section in statements.flatMap(\.sections) {
            let key = Key(account: section.account, currency: section.currency)
            var entry = grouped[key] ?? Movements(account: section.account, currency: section.currency)
            entry.opening &+= section.opening.minorUnits
            entry.lines += section.lines
            let listed = section.lines.reduce(section.opening.minorUnits) { $0 &+ $1.amount.minorUnits }
            entry.omitted &+= section.closing.minorUnits &- listed
            grouped[key] = entry
        }
        let movements = grouped.values.map { entry in
            var sorted = entry
            sorted.lines.sort { ($0.postedAt, $0.postingId) < ($1.postedAt, $1.postingId) }
            return sorted
        }
        let combined = SettlementStatement(company: first.company, from: first.from, to: first.to, movements: movements)
        return statements.contains(where: \.truncated) ? combined.markedTruncated() : combined
    }

    /// What the platform owes the company at the end of the period, per currency (sorted by code):
    /// minus the sum of its closing balances. Negative when the company owes the platform.
    public var netPayable: [Money] {
        var totals: [Currency: Int64] = [:]
        for section in sections { totals[section.currency, default: 0] &-= section.closing.minorUnits }
        return totals.map { Money(minorUnits: $0.value, currency: $0.key) }.sorted { $0.currency.code < $1.currency.code }
    }

    private func markedTruncated() -> SettlementStatement {
        var copy = self
        copy.truncated = true
        return copy
    }
}
