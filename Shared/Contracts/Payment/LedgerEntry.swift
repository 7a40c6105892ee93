/// One line of a ledger posting: a signed amount on one account. Positive is a debit, negative a
/// credit; the entries of a posting add up to zero in every currency.
public struct LedgerEntry: Codable, Sendable, Hashable {
    public let account: LedgerAccount
    public let amount: Money

    public init(account: LedgerAccount, amount: Money) {
        self.account = account
        self.amount = amount
    }

    private enum CodingKeys: String, CodingKey {
        case account = "account", amount = "amount"
    }
}
