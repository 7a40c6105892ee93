/// What a user (or API key) may do inside its company. The effect of each role on each action is
/// decided by the gateway's `AccessPolicy` (see its role × action matrix).
///
/// An enum, so a new role is a wire change: roll out every reader (gateway instance) before any
/// writer stores the new value; an older reader would dead-letter a company that uses it.
public enum Role: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration, Comparable {
    /// Manages the company's users, departments, API keys and webhooks.
    case companyAdmin = "company-admin"
    /// Places orders.
    case purchaser = "purchaser"
    /// Approves orders that need approval.
    case approver = "approver"
    /// Pays, watches credit and settlement.
    case finance = "finance"
    /// Manages stock and fulfils order lines.
    case warehouse = "warehouse"
    /// Manages products, price lists and shops.
    case catalogManager = "catalog-manager"
    /// Platform staff; only in the platform operator's company.
    case `operator` = "operator"

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The roles an approval rule may require for a step (e.g. an approver, then finance), and so
    /// the roles allowed to approve or reject an order; which step a user may decide is the
    /// order's to check.
    public static let orderApprovers: [Role] = [.approver, .finance, .companyAdmin]
}
