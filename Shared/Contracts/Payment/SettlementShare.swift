/// How one sub-order's amount was divided. The four parts always add up to `amount` exactly
/// (they come from `Money.split(basisPoints:)`). A refund's reversal has the same shape, with the
/// parts taken back.
public struct SettlementShare: Codable, Sendable, Hashable {
    public let subOrder: String
    public let supplier: CompanyID
    public let distributor: CompanyID?
    public let amount: Money
    public let platformCommission: Money
    public let distributorMargin: Money
    public let rebate: Money
    public let supplierPayable: Money

    public init(subOrder: String, supplier: CompanyID, distributor: CompanyID?, amount: Money,
                platformCommission: Money, distributorMargin: Money, rebate: Money, supplierPayable: Money) {
        self.subOrder = subOrder
        self.supplier = supplier
        self.distributor = distributor
        self.amount = amount
        self.platformCommission = platformCommission
        self.distributorMargin = distributorMargin
        self.rebate = rebate
        self.supplierPayable = supplierPayable
    }

    /// The parts in a fixed order: commission, margin, rebate, supplier.
    public var parts: [Money] { [platformCommission, distributorMargin, rebate, supplierPayable] }

    private enum CodingKeys: String, CodingKey {
        case subOrder = "subOrder", supplier = "supplier", distributor = "distributor", amount = "amount"
        case platformCommission = "platformCommission", distributorMargin = "distributorMargin"
        case rebate = "rebate", supplierPayable = "supplierPayable"
    }
}
