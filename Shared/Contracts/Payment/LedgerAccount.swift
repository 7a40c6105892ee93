/// An account of the payment ledger. On the wire a bare string: `"cash"`, `"platform-revenue"`, or
/// `"<kind>:<company id>"` such as `"supplier-payable:SUP-1"`.
///
/// Balances are debit-positive: an asset (cash, what a buyer owes) has a positive balance, a
/// liability (what the platform owes a supplier, a distributor or a buyer) a negative one.
public struct LedgerAccount: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Money in the platform's bank account.
        case cash = "cash"
        /// The platform's commission.
        case platformRevenue = "platform-revenue"
        /// What a buyer owes on captured credit orders (its invoices).
        case buyerReceivable = "buyer-receivable"
        /// What a buyer paid ahead for orders not yet captured (prepayment, bank transfer).
        case buyerDeposit = "buyer-deposit"
        /// What the platform holds for a buyer and owes back: overpayments, unmatched transfers,
        /// refunds of paid money, payments of voided orders.
        case buyerCredit = "buyer-credit"
        /// What the platform owes a supplier for captured sales.
        case supplierPayable = "supplier-payable"
        /// What the platform owes a distributor (its margin).
        case distributorPayable = "distributor-payable"
        /// Rebates (返利) owed to a buyer.
        case rebatePayable = "rebate-payable"

        /// Accounts of this kind belong to one company.
        public var isPerCompany: Bool { self != .cash && self != .platformRevenue }
    }

    public let kind: Kind
    /// The company the account belongs to; nil for `cash` and `platform-revenue`.
    public let company: CompanyID?

    private init(kind: Kind, company: CompanyID?) {
        self.kind = kind
        self.company = company
    }

    public static let cash = LedgerAccount(kind: .cash, company: nil)
    public static let platformRevenue = LedgerAccount(kind: .platformRevenue, company: nil)
    public static func buyerReceivable(_ buyer: CompanyID) -> LedgerAccount {
        LedgerAccount(kind: .buyerReceivable, company: buyer)
    }
    public static func buyerDeposit(_ buyer: CompanyID) -> LedgerAccount {
        LedgerAccount(kind: .buyerDeposit, company: buyer)
    }
    public static func buyerCredit(_ buyer: CompanyID) -> LedgerAccount {
        LedgerAccount(kind: .buyerCredit, company: buyer)
    }
    public static func supplierPayable(_ supplier: CompanyID) -> LedgerAccount {
        LedgerAccount(kind: .supplierPayable, company: supplier)
    }
    public static func distributorPayable(_ distributor: CompanyID) -> LedgerAccount {
        LedgerAccount(kind: .distributorPayable, company: distributor)
    }
    public static func rebatePayable(_ buyer: CompanyID) -> LedgerAccount {
        LedgerAccount(kind: .rebatePayable, company: buyer)
    }

    /// The wire form.
    public var rawValue: String {
        guard let company else { return kind.rawValue }
        return "\(kind.rawValue):\(company.rawValue)"
    }

    /// Parses the wire form; nil for an unknown kind, a per-company kind without a valid company id,
    /// or a company on `cash` / `platform-revenue`.
    public init?(rawValue: String) {
        let kindText: Substring, companyText: Substring?
        if let colon = rawValue.firstIndex(of: ":") {
            kindText = rawValue[..<colon]
            companyText = rawValue[rawValue.index(after: colon)...]
        } else {
            kindText = Substring(rawValue)
            companyText = nil
        }
        guard let kind = Kind(rawValue: String(kindText)) else { return nil }
        switch (kind.isPerCompany, companyText) {
        case (false, nil):
            self.init(kind: kind, company: nil)
        case let (true, text?):
            guard let company = CompanyID(validating: String(text)) else { return nil }
            self.init(kind: kind, company: company)
        default:
            return nil
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: LedgerAccount, rhs: LedgerAccount) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension LedgerAccount: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let account = LedgerAccount(rawValue: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown ledger account \"\(text)\"")
        }
        self = account
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
