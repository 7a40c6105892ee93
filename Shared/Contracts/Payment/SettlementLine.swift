/// One supplier's part of an order (a sub-order) as the order service asks payment to settle it:
/// who supplied it, through which distributor (S2B2B / S2B2C), in which category, for how much.
public struct SettlementLine: Codable, Sendable, Hashable {
    /// `"<orderId>-S-<supplierCompanyId>"` (saga spec).
    public let subOrder: String
    public let supplier: CompanyID
    /// The distributor whose shop sold it; absent when the buyer ordered from the supplier directly.
    public let distributor: CompanyID?
    /// The product's category path, root first, e.g. ["Beverages", "Tea"]; may be empty.
    public let category: [String]
    /// What the buyer pays for this sub-order. The lines of an authorization add up to its amount.
    public let amount: Money

    public init(subOrder: String, supplier: CompanyID, distributor: CompanyID?, category: [String], amount: Money) {
        self.subOrder = subOrder
        self.supplier = supplier
        self.distributor = distributor
        self.category = category
        self.amount = amount
    }

    private enum CodingKeys: String, CodingKey {
        case subOrder = "subOrder", supplier = "supplier", distributor = "distributor", category = "category"
        case amount = "amount"
    }
}
