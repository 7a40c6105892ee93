/// One line of a placed order: the priced line with its id, its total and its sub-order.
/// The line id `"<order>-L<n>"` (n from 1, in the order the buyer listed the lines) is also the id
/// of the line's stock reservation.
public struct OrderLine: Codable, Sendable, Hashable {
    public let line: String
    public let sku: SKU
    public let product: ProductID
    public let supplier: CompanyID
    public let distributor: CompanyID?
    public let category: [String]
    public let quantity: Int64
    public let unitPrice: Money
    /// unitPrice × quantity.
    public let lineTotal: Money
    public let rule: AppliedRule
    /// The id of the supplier's sub-order holding this line.
    public let subOrder: String

    public init(line: String, sku: SKU, product: ProductID, supplier: CompanyID, distributor: CompanyID?,
                category: [String], quantity: Int64, unitPrice: Money, lineTotal: Money, rule: AppliedRule,
                subOrder: String) {
        self.line = line
        self.sku = sku
        self.product = product
        self.supplier = supplier
        self.distributor = distributor
        self.category = category
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.lineTotal = lineTotal
        self.rule = rule
        self.subOrder = subOrder
    }

    private enum CodingKeys: String, CodingKey {
        case line = "line", sku = "sku", product = "product", supplier = "supplier", distributor = "distributor"
        case category = "category", quantity = "quantity", unitPrice = "unitPrice", lineTotal = "lineTotal"
        case rule = "rule", subOrder = "subOrder"
    }
}
