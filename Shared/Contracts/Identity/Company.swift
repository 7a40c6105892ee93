import Foundation

/// The complete state of one company: what `identity.events.v1` carries under the company id.
///
/// The topic is compacted, so every record must be the whole company (users, departments, API
/// keys included): compaction keeps only the latest record per key, and a partial record would erase
/// the rest. The gateway is the only writer (see GatewayCore `IdentityDecider`); every gateway
/// instance folds the topic into its `Directory`.
public struct Company: MessagePayload, Hashable {
    public static let messageType = "identity.company-changed"
    public static let messageVersion = 1

    public let id: CompanyID
    public let name: String
    public let types: Set<CompanyType>
    public let status: CompanyStatus
    /// Why the company was rejected or suspended; `nil` otherwise.
    public let statusReason: String?
    public let qualificationDocuments: [DocumentReference]
    /// Buyers only; set by the operator, used by catalog pricing.
    public let tier: BuyerTier?
    /// Pricing region, e.g. "east-china"; set by the operator (applicants may propose one).
    public let region: String?
    public let departments: [Department]
    public let users: [CompanyUser]
    public let apiKeys: [APIKey]
    /// 1 for the application, +1 for every change: the order of records for one company.
    public let revision: Int
    /// Rounded to whole milliseconds (the wire's precision), so a decoded company equals the one
    /// that was encoded.
    public let updatedAt: Date

    public init(id: CompanyID, name: String, types: Set<CompanyType>, status: CompanyStatus, statusReason: String?,
                qualificationDocuments: [DocumentReference], tier: BuyerTier?, region: String?,
                departments: [Department], users: [CompanyUser], apiKeys: [APIKey], revision: Int, updatedAt: Date) {
        self.id = id
        self.name = name
        self.types = types
        self.status = status
        self.statusReason = statusReason
        self.qualificationDocuments = qualificationDocuments
        self.tier = tier
        self.region = region
        self.departments = departments
        self.users = users
        self.apiKeys = apiKeys
        self.revision = revision
        self.updatedAt = WireTimestamp.roundedToMilliseconds(updatedAt)
    }

    private enum CodingKeys: String, CodingKey {
        case id = "id", name = "name", types = "types", status = "status", statusReason = "statusReason"
        case qualificationDocuments = "qualificationDocuments", tier = "tier", region = "region"
        case departments = "departments", users = "users", apiKeys = "apiKeys", revision = "revision"
        case updatedAt = "updatedAt"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encodeSorted(types, forKey: .types)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(statusReason, forKey: .statusReason)
        try container.encode(qualificationDocuments, forKey: .qualificationDocuments)
        try container.encodeIfPresent(tier, forKey: .tier)
        try container.encodeIfPresent(region, forKey: .region)
        try container.encode(departments, forKey: .departments)
        try container.encode(users, forKey: .users)
        try container.encode(apiKeys, forKey: .apiKeys)
        try container.encode(revision, forKey: .revision)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
