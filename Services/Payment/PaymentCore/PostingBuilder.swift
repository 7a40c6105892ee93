import Contracts
import Foundation

/// Collects the entries of one posting: amounts on the same account and currency are merged (in
/// the order first seen), zero amounts are left out.
struct PostingBuilder {
    private var entries: [LedgerEntry] = []

    /// Adds `amount` (positive) to the debit side of `account`.
    mutating func debit(_ account: LedgerAccount, _ amount: Money) { add(account, amount.minorUnits, amount.currency) }

    /// Adds `amount` (positive) to the credit side of `account`.
    mutating func credit(_ account: LedgerAccount, _ amount: Money) { add(account, 0 - amount.minorUnits, amount.currency) }

    /// Amounts passed in are parts of one validated total, so the merged sums cannot overflow.
    private mutating func add(_ account: LedgerAccount, _ minorUnits: Int64, _ currency: Currency) {
        guard minorUnits != 0 else { return }
        if let index = entries.firstIndex(where: { $0.account == account && $0.amount.currency == currency }) {
            let merged = entries[index].amount.minorUnits + minorUnits
            entries[index] = LedgerEntry(account: account, amount: Money(minorUnits: merged, currency: currency))
        } else {
            entries.append(LedgerEntry(account: account, amount: Money(minorUnits: minorUnits, currency: currency)))
        }
    }

    func posting(id: String, postedAt: Date, kind: LedgerPosting.Kind, order: OrderID?, memo: String) -> LedgerPosting {
        LedgerPosting(id: id, postedAt: postedAt, kind: kind, order: order, memo: memo,
                      entries: entries.filter { !$0.amount.isZero })
    }
}
