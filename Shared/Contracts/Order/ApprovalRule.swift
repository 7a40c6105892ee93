/// A buyer company's rule for which orders need approval before stock is reserved (审批流).
///
/// A rule matches an order when every condition it sets holds:
/// - `minimumTotal`: the order total is at least this amount. A threshold in another currency than
///   the order's cannot be compared; the rule then matches (fail closed: a rule never silently
///   stops guarding orders);
/// - `category`: at least one line's category path starts with this path.
/// A rule with neither condition matches every order.
///
/// `roles` are the approvals the rule requires, in sequence (e.g. ["approver", "finance"]: first a
/// user with role approver, then one with role finance). When several rules match, their roles are
/// merged in rule order, each role once, so {≥10k: [approver]} and {≥100k: [finance]} give an order
/// of 150k the steps approver → finance.
public struct ApprovalRule: Codable, Sendable, Hashable {
    /// Shown to approvers and buyers, e.g. "orders over 10,000 CNY".
    public let name: String
    public let minimumTotal: Money?
    public let category: [String]?
    /// Wire names of `Role`s, e.g. "approver", "finance".
    public let roles: [String]

    public init(name: String, minimumTotal: Money? = nil, category: [String]? = nil, roles: [String]) {
        self.name = name
        self.minimumTotal = minimumTotal
        self.category = category
        self.roles = roles
    }

    private enum CodingKeys: String, CodingKey {
        case name = "name", minimumTotal = "minimumTotal", category = "category", roles = "roles"
    }
}
