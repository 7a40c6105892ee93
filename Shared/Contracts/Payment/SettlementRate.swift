/// The split terms fixed for one sub-order when it was authorized: the winning rule's rates, so a
/// later change of the rules does not change what an order already placed pays out.
public struct SettlementRate: Codable, Sendable, Hashable {
    public let subOrder: String
    public let platformCommissionBasisPoints: Int64
    /// Already 0 when the line has no distributor.
    public let distributorMarginBasisPoints: Int64
    public let rebateBasisPoints: Int64
    /// Which rule won, in words (`SettlementRule.selectorDescription`), or why none did.
    public let rule: String

    public init(subOrder: String, platformCommissionBasisPoints: Int64, distributorMarginBasisPoints: Int64,
                rebateBasisPoints: Int64, rule: String) {
        self.subOrder = subOrder
        self.platformCommissionBasisPoints = platformCommissionBasisPoints
        self.distributorMarginBasisPoints = distributorMarginBasisPoints
        self.rebateBasisPoints = rebateBasisPoints
        self.rule = rule
    }

    /// What the supplier keeps: 10,000 minus the other shares.
    public var supplierBasisPoints: Int64 {
        Money.basisPointsPerWhole - platformCommissionBasisPoints - distributorMarginBasisPoints - rebateBasisPoints
    }

    private enum CodingKeys: String, CodingKey {
        case subOrder = "subOrder", platformCommissionBasisPoints = "platformCommissionBasisPoints"
        case distributorMarginBasisPoints = "distributorMarginBasisPoints", rebateBasisPoints = "rebateBasisPoints"
        case rule = "rule"
    }
}
