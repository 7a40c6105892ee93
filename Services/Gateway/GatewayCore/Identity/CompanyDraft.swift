import Contracts
import Foundation

/// A company being changed by the decider: `Company` with mutable fields. `build` stamps the next
/// revision and the time.
struct CompanyDraft {
    let id: CompanyID
    var name: String
    var types: Set<CompanyType>
    var status: CompanyStatus
    var statusReason: String?
    var documents: [DocumentReference]
    var tier: BuyerTier?
    var region: String?
    var departments: [Department]
    var users: [CompanyUser]
    var apiKeys: [APIKey]
    /// The revision of the state this draft started from (0 for a new company).
    let baseRevision: Int

    init(_ company: Company) {
        id = company.id
        name = company.name
        types = company.types
        status = company.status
        statusReason = company.statusReason
        documents = company.qualificationDocuments
        tier = company.tier
        region = company.region
        departments = company.departments
        users = company.users
        apiKeys = company.apiKeys
        baseRevision = company.revision
    }

    init(newCompany id: CompanyID, name: String, types: Set<CompanyType>, status: CompanyStatus,
         documents: [DocumentReference], region: String?) {
        self.id = id
        self.name = name
        self.types = types
        self.status = status
        self.documents = documents
        self.region = region
        departments = []
        users = []
        apiKeys = []
        baseRevision = 0
    }

    func build(now: Date) -> Company {
        Company(id: id, name: name, types: types, status: status, statusReason: statusReason,
                qualificationDocuments: documents, tier: tier, region: region, departments: departments,
                users: users, apiKeys: apiKeys, revision: baseRevision + 1, updatedAt: now)
    }

    func userIndex(_ id: UserID) throws(IdentityRejection) -> Int {
        guard let index = users.firstIndex(where: { $0.id == id }) else {
            throw IdentityRejection(.userNotFound, "company \(self.id) has no user \(id)", field: "user")
        }
        return index
    }

    var hasActiveAdmin: Bool {
        users.contains { $0.active && $0.roles.contains(.companyAdmin) }
    }
}

extension CompanyUser {
    func with(roles: Set<Role>? = nil, active: Bool? = nil, passwordHash: PasswordHash? = nil) -> CompanyUser {
        CompanyUser(id: id, username: username, displayName: displayName, roles: roles ?? self.roles,
                    department: department, passwordHash: passwordHash ?? self.passwordHash,
                    active: active ?? self.active)
    }
}

extension APIKey {
    var revokedCopy: APIKey {
        APIKey(id: id, label: label, roles: roles, secretHash: secretHash, createdAt: createdAt, revoked: true)
    }
}
