/// Who issued a catalog command, as authenticated by the gateway. The catalog core re-checks
/// ownership and roles against it; it never trusts a command's own claims about the owner.
public struct CatalogActor: Codable, Sendable, Hashable {
    /// May edit the company's products, price lists and shop.
    public static let catalogManagerRole = "catalog-manager"
    /// May do everything in the company, the catalog included.
    public static let companyAdminRole = "company-admin"
    /// Platform staff: may edit any company's catalog. Granted only to platform users by identity.
    public static let platformOperatorRole = "platform-operator"

    public let company: CompanyID
    /// Role names as identity grants them, e.g. ["catalog-manager"]. Unknown roles are ignored.
    public let roles: [String]
    /// The user acting, for audit; absent for API keys.
    public let user: UserID?

    public init(company: CompanyID, roles: [String], user: UserID? = nil) {
        self.company = company
        self.roles = roles
        self.user = user
    }

    public var isPlatformOperator: Bool { roles.contains(Self.platformOperatorRole) }

    /// Holds a role that may change catalog data of its own company.
    public var mayEditCatalog: Bool {
        isPlatformOperator || roles.contains(Self.catalogManagerRole) || roles.contains(Self.companyAdminRole)
    }

    private enum CodingKeys: String, CodingKey {
        case company = "company", roles = "roles", user = "user"
    }
}
