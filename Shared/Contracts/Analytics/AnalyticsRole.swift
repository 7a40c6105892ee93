/// The side of the trade a view counts. A company sees one view per role it has numbers in.
public enum AnalyticsRole: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration, Comparable {
    /// What the company bought: orders it placed (its purchasing).
    case buyer = "buyer"
    /// What the company sold as the supplier that owns and ships the goods: its order lines only.
    case supplier = "supplier"
    /// What was sold from the company's shops (S2B2B): the lines that name it as distributor.
    case distributor = "distributor"
    /// Everything, for the platform operator.
    case platform = "platform"

    public static func < (lhs: AnalyticsRole, rhs: AnalyticsRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
