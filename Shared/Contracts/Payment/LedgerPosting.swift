import Foundation

/// One balanced double-entry posting: what moved between which accounts, when and why.
public struct LedgerPosting: Codable, Sendable, Hashable {
    /// Why money moved.
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
        /// Cash received from a buyer (bank transfer or payment provider).
        case paymentReceived = "payment-received"
        /// An order was captured and its amount split between the parties.
        case capture = "capture"
        /// Part or all of a captured order was refunded; the split is reversed in proportion.
        case refund = "refund"
        /// A paid order was voided; what the buyer paid becomes its credit balance.
        case void = "void"
    }

    /// `"<command id>#<n>"`: unique, and the same when a command is handled again.
    public let id: String
    public let postedAt: Date
    public let kind: Kind
    /// The order the posting belongs to; absent for money that matched no order.
    public let order: OrderID?
    /// A sentence for the people reading the ledger.
    public let memo: String
    public let entries: [LedgerEntry]

    public init(id: String, postedAt: Date, kind: Kind, order: OrderID?, memo: String, entries: [LedgerEntry]) {
        self.id = id
        self.postedAt = postedAt
        self.kind = kind
        self.order = order
        self.memo = memo
        self.entries = entries
    }

    /// The sum of the entries per currency (sorted by currency code). All zero for a valid posting.
    /// Wrapping arithmetic: the result is exact whenever the true sum fits in 64 bits, which it
    /// does for a balanced posting (zero) however large the entries are.
    public var totals: [Money] {
        var sums: [Currency: Int64] = [:]
        for entry in entries { sums[entry.amount.currency, default: 0] &+= entry.amount.minorUnits }
        return sums.map { Money(minorUnits: $0.value, currency: $0.key) }.sorted { $0.currency.code < $1.currency.code }
    }

    /// True when the entries add up to zero in every currency.
    public var isBalanced: Bool { totals.allSatisfy(\.isZero) }

    private enum CodingKeys: String, CodingKey {
        case id = "id", postedAt = "postedAt", kind = "kind", order = "order", memo = "memo", entries = "entries"
    }
}
