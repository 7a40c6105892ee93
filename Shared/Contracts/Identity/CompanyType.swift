/// What a company does on the platform. A company may hold several types (a supplier that also
/// runs distributor shops, a dealer that buys and resells); the platform operator holds only
/// `.operator`.
public enum CompanyType: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration, Comparable {
    /// The company that runs Tradeflow: approves companies, sets tiers and credit.
    case `operator` = "operator"
    /// Publishes goods, owns their stock and ships (or drop-ships) order lines.
    case supplier = "supplier"
    /// Resells suppliers' goods from its own shops and earns a share of each sale.
    case distributor = "distributor"
    /// Orders in bulk at its own prices (dealers, purchasing departments).
    case buyer = "buyer"

    public static func < (lhs: CompanyType, rhs: CompanyType) -> Bool { lhs.rawValue < rhs.rawValue }
}
