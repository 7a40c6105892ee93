/// Who issued a payment administration command (credit lines, settlement rules), as authenticated
/// by the gateway. The payment core re-checks the roles; it never trusts a command's own claims.
public struct PaymentActor: Codable, Sendable, Hashable {
    /// May set credit lines (of its own company's customers) and see settlement.
    public static let financeRole = "finance"
    /// Platform staff. With `finance`, may set any credit line and the settlement rules.
    public static let platformOperatorRole = "platform-operator"

    public let company: CompanyID
    /// Role names as identity grants them, e.g. ["finance"]. Unknown roles are ignored.
    public let roles: [String]
    /// The user acting, for audit; absent for API keys.
    public let user: UserID?

    public init(company: CompanyID, roles: [String], user: UserID? = nil) {
        self.company = company
        self.roles = roles
        self.user = user
    }

    public var isFinance: Bool { roles.contains(Self.financeRole) }
    public var isPlatformOperator: Bool { roles.contains(Self.platformOperatorRole) }

    private enum CodingKeys: String, CodingKey {
        case company = "company", roles = "roles", user = "user"
    }
}
