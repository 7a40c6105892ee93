import Contracts

/// Every company with its users and API keys: the fold of `identity.events.v1`, held by every
/// gateway instance and answering sign-in and per-request lookups from memory.
///
/// `apply` replaces a company with the record as given, whatever its revision: that is exactly
/// what compaction keeps (the latest record per key), so a replica that started before compaction
/// and one that started after hold the same state.
///
/// Usernames and API key ids must be unique across companies, but two gateway instances could
/// accept the same username for two companies at the same moment (uniqueness spans partitions, so
/// no single writer guards it). The directory then treats the name as ambiguous: it is "taken" for
/// new users and `user(named:)` finds nobody, so neither claimant can sign in with it until an
/// operator resolves it (`usernameConflicts`). Failing closed keeps one company from signing in
/// as the other, whatever order the records arrive in.
public struct Directory: Sendable {
    public private(set) var companies: [CompanyID: Company] = [:]
    private var usernames: [String: Set<CompanyID>] = [:]
    private var apiKeyOwners: [APIKeyID: Set<CompanyID>] = [:]
    /// Revisions this instance wrote and applied at once, whose records have not come back from
    /// the topic yet (see `applyOwnWrite`).
    private var awaitingEcho: [CompanyID: Int] = [:]

    public init() {}

    public init(_ companies: some Sequence<Company>) {
        for company in companies { apply(company) }
    }

    /// A user found by username, with the company it belongs to.
    public struct UserEntry: Sendable, Hashable {
        public let company: Company
        public let user: CompanyUser
    }

    /// An API key found by id, with the company it belongs to.
    public struct APIKeyEntry: Sendable, Hashable {
        public let company: Company
        public let key: APIKey
    }

    /// What `apply` found.
    public enum Change: Sendable, Hashable {
        case added
        /// The record's revision follows the one held.
        case updated
        /// The record's revision is not above the one held: two gateway instances changed the
        /// company concurrently and the earlier change is lost. Stored anyway (compaction keeps the
        /// latest record, so every replica must); worth a warning log and a metric.
        case concurrentWrite(heldRevision: Int, recordRevision: Int)
        /// An older record read back from the topic while this instance's own newer write is still
        /// on its way there: skipped, so a change this instance just made does not vanish for a
        /// moment (an API key created and used at once).
        case olderThanOwnWrite(ownRevision: Int, recordRevision: Int)
    }

    /// Stores a company this instance has just decided and published; records of it read back from
    /// the topic with a lower revision are skipped until this revision comes back.
    @discardableResult
    public mutating func applyOwnWrite(_ company: Company) -> Change {
        awaitingEcho[company.id] = max(awaitingEcho[company.id] ?? 0, company.revision)
        return store(company)
    }

    /// Stores `company` as its latest state (a record of `identity.events.v1`).
    @discardableResult
    public mutating func apply(_ company: Company) -> Change {
        if let own = awaitingEcho[company.id] {
            guard company.revision >= own else { return .olderThanOwnWrite(ownRevision: own, recordRevision: company.revision) }
            awaitingEcho[company.id] = nil
        }
        return store(company)
    }

    private mutating func store(_ company: Company) -> Change {
        let held = companies[company.id]?.revision
        unindex(company.id)
        companies[company.id] = company
        for user in company.users { usernames[user.username, default: []].insert(company.id) }
        for key in company.apiKeys { apiKeyOwners[key.id, default: []].insert(company.id) }
        guard let held else { return .added }
        return company.revision > held ? .updated : .concurrentWrite(heldRevision: held, recordRevision: company.revision)
    }

    /// Forgets a company (a tombstone on the compacted topic).
    public mutating func remove(_ id: CompanyID) {
        unindex(id)
        companies.removeValue(forKey: id)
    }

    public var count: Int { companies.count }

    public func company(_ id: CompanyID) -> Company? { companies[id] }

    /// The form of a username that names its account: usernames are stored lowercased, and a
    /// sign-in matches whatever the case. Anything counted per account (failed sign-ins, attempts)
    /// is keyed by it, so `METRO.BUYER` and `metro.buyer` share one count.
    public static func accountName(_ username: String) -> String { username.lowercased() }

    /// The user with this username (`accountName` before lookup); `nil` when unknown or ambiguous.
    public func user(named username: String) -> UserEntry? {
        let name = Self.accountName(username)
        guard let owners = usernames[name], owners.count == 1, let owner = owners.first,
              let company = companies[owner], let user = company.users.first(where: { $0.username == name })
        else { return nil }
        return UserEntry(company: company, user: user)
    }

    /// True when any company has a user with this username (active or not).
    public func isUsernameTaken(_ username: String) -> Bool {
        usernames[Self.accountName(username)].map { !$0.isEmpty } ?? false
    }

    /// The API key with this id; `nil` when unknown or ambiguous.
    public func apiKey(_ id: APIKeyID) -> APIKeyEntry? {
        guard let owners = apiKeyOwners[id], owners.count == 1, let owner = owners.first,
              let company = companies[owner], let key = company.apiKeys.first(where: { $0.id == id })
        else { return nil }
        return APIKeyEntry(company: company, key: key)
    }

    /// True when any company has an API key with this id.
    public func isAPIKeyIDTaken(_ id: APIKeyID) -> Bool {
        apiKeyOwners[id].map { !$0.isEmpty } ?? false
    }

    /// Usernames held by more than one company, with the companies (see the type's comment).
    public var usernameConflicts: [String: Set<CompanyID>] {
        usernames.filter { $0.value.count > 1 }
    }

    /// The platform operator's company, if bootstrapped.
    public var platformOperator: Company? {
        companies.values.filter { $0.types.contains(.operator) }.min { $0.id < $1.id }
    }

    private mutating func unindex(_ id: CompanyID) {
        guard let old = companies[id] else { return }
        for user in old.users { Self.remove(id, from: user.username, in: &usernames) }
        for key in old.apiKeys { Self.remove(id, from: key.id, in: &apiKeyOwners) }
    }

    private static func remove<Key: Hashable>(_ id: CompanyID, from key: Key, in index: inout [Key: Set<CompanyID>]) {
        index[key]?.remove(id)
        if index[key]?.isEmpty == true { index.removeValue(forKey: key) }
    }
}
