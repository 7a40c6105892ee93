import Contracts
import Foundation
import Packing

/// The double-entry ledger of one payment partition: every posting, in order, and every account's
/// balance per currency. A fold of `payment.ledger-posted`. Postings are read only by settlement
/// statements, so all but the latest are kept packed (`PackedLog`): one to three per order, for
/// the life of the partition.
///
/// Balances are debit-positive (see `LedgerAccount`). Every posting is balanced, so the sum of all
/// balances (`trialBalance`) is zero in every currency.
public struct Ledger: Sendable, Equatable {
    public private(set) var postings = PackedLog<LedgerPosting>()
    private var postingIds = PostingIDSet()
    private var balances: [LedgerAccount: [Currency: Int64]] = [:]

    public init() {}

    /// The balance of `account` in `currency` (zero for an account never posted to).
    public func balance(_ account: LedgerAccount, in currency: Currency) -> Money {
        Money(minorUnits: balances[account]?[currency] ?? 0, currency: currency)
    }

    /// The balance of `account` in every currency it holds, sorted by currency code; empty for an
    /// account never posted to.
    public func balance(_ account: LedgerAccount) -> [Money] {
        (balances[account] ?? [:]).map { Money(minorUnits: $0.value, currency: $0.key) }
            .sorted { $0.currency.code < $1.currency.code }
    }

    /// Every account posted to, sorted.
    public var accounts: [LedgerAccount] { balances.keys.sorted() }

    /// The sum of all balances per currency, sorted by currency code: zero in every currency for a
    /// ledger of balanced postings. (Summed with wrapping arithmetic, which is exact whenever the
    /// true sum fits in 64 bits, as zero does.)
    public var trialBalance: [Money] {
        var totals: [Currency: Int64] = [:]
        for perCurrency in balances.values {
            for (currency, amount) in perCurrency { totals[currency, default: 0] &+= amount }
        }
        return totals.map { Money(minorUnits: $0.value, currency: $0.key) }.sorted { $0.currency.code < $1.currency.code }
    }

    /// True when the trial balance is zero in every currency.
    public var isBalanced: Bool { trialBalance.allSatisfy(\.isZero) }

    public func contains(postingId: String) -> Bool { postingIds.contains(postingId) }

    /// The postings with an entry on an account of `company`, in order.
    public func postings(of company: CompanyID) -> [LedgerPosting] {
        postings.filter { posting in posting.entries.contains { $0.account.company == company } }
    }

    /// Refuses a posting that is unbalanced or would take a balance beyond 64 bits.
    func checkPostable(_ posting: LedgerPosting) throws(PaymentRefusal) {
        guard posting.isBalanced else {
            throw PaymentRefusal(.ledgerUnbalanced, "posting \(posting.id) does not balance: \(posting.totals)")
        }
        var after: [LedgerAccount: [Currency: Int64]] = [:]
        for entry in posting.entries {
            let current = after[entry.account]?[entry.amount.currency]
                ?? balances[entry.account]?[entry.amount.currency] ?? 0
            let (sum, overflow) = current.addingReportingOverflow(entry.amount.minorUnits)
            if overflow {
                throw PaymentRefusal(.paymentAmountOverflow, "the balance of \(entry.account) would exceed 64 bits")
            }
            after[entry.account, default: [:]][entry.amount.currency] = sum
        }
    }

    /// Records `posting`; a posting already recorded (same id) is ignored, so replaying an event
    /// changes nothing. Decisions check `checkPostable` first, so the sums cannot overflow; they
    /// wrap rather than trap if a foreign event ever made them.
    mutating func post(_ posting: LedgerPosting) {
        guard postingIds.insert(posting.id) else { return }
        postings.append(posting)
        addToBalances(posting)
    }

    private mutating func addToBalances(_ posting: LedgerPosting) {
        for entry in posting.entries {
            balances[entry.account, default: [:]][entry.amount.currency, default: 0] &+= entry.amount.minorUnits
        }
    }
}

/// A checkpoint holds the postings only (packed ones stay packed); ids and balances are recomputed
/// on decode.
extension Ledger: Codable {
    private enum CodingKeys: String, CodingKey { case postings }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        postings = try container.decode(PackedLog<LedgerPosting>.self, forKey: .postings)
        for posting in postings {
            postingIds.insert(posting.id)
            addToBalances(posting)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(postings, forKey: .postings)
    }
}
