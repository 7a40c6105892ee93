/// One approval an order needs: a user holding `role` must approve it, after the steps before it.
public struct ApprovalStep: Codable, Sendable, Hashable {
    /// The wire name of a `Role`, e.g. "finance".
    public let role: String
    /// Names of the approval rules that asked for this step (for the approver: why).
    public let rules: [String]

    public init(role: String, rules: [String]) {
        self.role = role
        self.rules = rules
    }

    private enum CodingKeys: String, CodingKey {
        case role = "role", rules = "rules"
    }
}
