import Contracts

/// Who owns the object an action touches, as far as access is concerned.
///
/// `owner` is the company whose object it is (the buyer of an order, the supplier of a product,
/// the payer of a credit line). `involved` lists other companies with a legitimate view of it:
/// the suppliers and distributors whose lines an order contains, the parties of a split
/// settlement. Involvement grants only the actions whose rule says so (reading orders and
/// settlements, fulfilling lines); the caller still filters what an involved company sees (a
/// supplier sees its own lines of an order, not the others').
public struct ResourceOwner: Sendable, Hashable {
    /// What the object is, for denial messages: "order", "price list", "credit line".
    public let kind: String
    public let owner: CompanyID
    public let involved: Set<CompanyID>

    public init(kind: String, owner: CompanyID, involved: Set<CompanyID> = []) {
        self.kind = kind
        self.owner = owner
        self.involved = involved
    }
}
