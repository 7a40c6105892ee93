import Contracts
import Foundation

extension SettlementStatement {
    /// The statement of `company` for [from, to) from one partition's `ledger`; with `platform`,
    /// also the platform's revenue account (it belongs to no company).
    public static func `for`(_ company: CompanyID, from: Date, to: Date, in ledger: Ledger,
                             platform: Bool = false) -> SettlementStatement {
        struct Key: Hashable { let account: LedgerAccount; let currency: Currency }
        var movements: [Key: Movements] = [:]
        for posting in ledger.postings where posting.postedAt < to {
            for entry in posting.entries
            where entry.account.company == company || (platform && entry.account == .platformRevenue) {
                let key = Key(account: entry.account, currency: entry.amount.currency)
                // The account has a section even without movements in the period.
                var movement = movements[key] ?? Movements(account: entry.account, currency: entry.amount.currency)
                if posting.postedAt < from {
                    movement.opening &+= entry.amount.minorUnits
                } else {
                    movement.lines.append(Line(postingId: posting.id, postedAt: posting.postedAt, kind: posting.kind,
                                               order: posting.order, memo: posting.memo, amount: entry.amount))
                }
                movements[key] = movement
            }
        }
        return SettlementStatement(company: company, from: from, to: to, movements: Array(movements.values))
    }
}
