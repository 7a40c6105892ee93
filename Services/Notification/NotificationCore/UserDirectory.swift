import Contracts

/// Who is in each company: what the notification service needs from identity to turn an audience
/// ("approvers of BUYER-ACME") into users, and to know which companies are approved buyers.
///
/// A pure fold of `identity.events.v1` (`apply`). That topic is compacted and small, and it is keyed
/// by company like `notification.commands.v1` but read whole: every notification instance folds all
/// of it (outside its consumer group, like the gateway's directory), so announcements to all buyers
/// see every company. Email addresses are not in identity: users set them with their preferences.
public struct UserDirectory: Sendable, Equatable, Codable {
    public struct Member: Sendable, Equatable, Codable {
        public let user: UserID
        public let displayName: String
        public let roles: Set<Role>
    }

    public struct Entry: Sendable, Equatable, Codable {
        public let company: CompanyID
        public let name: String
        public let types: Set<CompanyType>
        public let status: CompanyStatus
        /// Active users only, sorted by id.
        public let members: [Member]
        public let revision: Int
    }

    public private(set) var companies: [CompanyID: Entry] = [:]

    public init() {}

    /// Keeps the record with the highest revision (replays and compaction may repeat older ones).
    public mutating func apply(_ event: IdentityEvent) {
        guard case let .companyChanged(company) = event else { return }
        if let known = companies[company.id], known.revision > company.revision { return }
        let members = company.users.filter(\.active).sorted { $0.id < $1.id }
            .map { Member(user: $0.id, displayName: $0.displayName, roles: $0.roles) }
        companies[company.id] = Entry(company: company.id, name: company.name, types: company.types,
                                      status: company.status, members: members, revision: company.revision)
    }

    public func entry(_ company: CompanyID) -> Entry? { companies[company] }

    /// The company's display name, or its id when unknown.
    public func name(of company: CompanyID) -> String { companies[company]?.name ?? company.rawValue }

    /// The parameters of a notification with `supplierName` and `buyerName` beside the `supplier`
    /// and `buyer` ids the directory knows, so texts name companies as people know them (the ids
    /// stay, for webhooks and links).
    public func namingCompanies(in parameters: [String: String]) -> [String: String] {
        var named = parameters
        for key in Templates.companyParameters {
            guard let value = parameters[key], named["\(key)Name"] == nil, let id = try? CompanyID(value),
                  let name = companies[id]?.name else { continue }
            named["\(key)Name"] = name
        }
        return named
    }

    /// Active users of `company` in `audience`, sorted. An audience of roles that nobody holds
    /// falls back to the company admins, so a notification is never silently addressed to no one.
    public func users(of company: CompanyID, in audience: NotificationAudience) -> [UserID] {
        guard let members = companies[company]?.members else { return audience.users.sorted() }
        if audience.isEveryone { return members.map(\.user) }
        let known = Set(members.map(\.user))
        let wanted = Set(audience.roles)
        var chosen = Set(members.filter { !$0.roles.isDisjoint(with: wanted) }.map(\.user))
        chosen.formUnion(audience.users.filter { known.contains($0) })
        if chosen.isEmpty {
            chosen = Set(members.filter { $0.roles.contains(.companyAdmin) }.map(\.user))
        }
        return chosen.sorted()
    }

    /// True when the directory knows `company` and `user` is one of its active users.
    public func isMember(_ user: UserID, of company: CompanyID) -> Bool {
        companies[company]?.members.contains { $0.user == user } ?? false
    }

    /// Approved buyer companies, sorted.
    public var approvedBuyers: [CompanyID] {
        companies.values.filter { $0.status == .approved && $0.types.contains(.buyer) }.map(\.company).sorted()
    }
}
