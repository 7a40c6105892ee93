/// One line of a `PlaceOrder` as the gateway priced it: what, from whom, how many, at what unit
/// price and under which price rule (so the buyer can later see why it cost what it did).
///
/// The gateway checks SKU, minimum order quantity and pack size against its catalog replica; the
/// order service trusts those and checks only what it needs itself (quantity, currency, totals).
public struct PricedLine: Codable, Sendable, Hashable {
    public let sku: SKU
    public let product: ProductID
    /// The company that owns and ships the goods; lines are grouped into one sub-order per supplier.
    public let supplier: CompanyID
    /// The distributor whose shop the line was bought from (S2B2B), if any; shares in settlement.
    public let distributor: CompanyID?
    /// The product's category path from root to leaf, e.g. ["Chemicals", "Solvents"].
    public let category: [String]
    public let quantity: Int64
    public let unitPrice: Money
    public let rule: AppliedRule

    public init(sku: SKU, product: ProductID, supplier: CompanyID, distributor: CompanyID? = nil,
                category: [String], quantity: Int64, unitPrice: Money, rule: AppliedRule) {
        self.sku = sku
        self.product = product
        self.supplier = supplier
        self.distributor = distributor
        self.category = category
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.rule = rule
    }

    private enum CodingKeys: String, CodingKey {
        case sku = "sku", product = "product", supplier = "supplier", distributor = "distributor"
        case category = "category", quantity = "quantity", unitPrice = "unitPrice", rule = "rule"
    }
}
