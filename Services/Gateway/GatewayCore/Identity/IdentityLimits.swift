/// Per-company bounds. They keep one company's record (users, keys, departments all travel in
/// one Kafka message) well under the 1 MiB message limit: a company at every limit with
/// maximal field lengths encodes to about 775 KB (pinned by a test).
public struct IdentityLimits: Sendable, Hashable {
    /// Users, deactivated ones included (they keep their username).
    public var maximumUsers = 1_000
    /// API keys that are not revoked.
    public var maximumActiveAPIKeys = 100
    /// Revoked keys kept for audit; the oldest are dropped beyond this.
    public var maximumRevokedAPIKeysKept = 100
    public var maximumDepartments = 200
    /// Nesting of departments (a top-level department has depth 1).
    public var maximumDepartmentDepth = 8
    public var maximumDocuments = 20

    public init() {}

    public static let standard = IdentityLimits()
}
