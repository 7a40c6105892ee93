/// A person who signs in for a company.
public struct CompanyUser: Codable, Sendable, Hashable {
    public let id: UserID
    /// Unique across all companies; 3...64 characters of `a-z 0-9 . _ -` (lowercase).
    public let username: String
    public let displayName: String
    public let roles: Set<Role>
    /// The department the user works in; `nil` for the company level.
    public let department: DepartmentID?
    public let passwordHash: PasswordHash
    /// False once deactivated: the user can no longer sign in and existing tokens stop working,
    /// but the username stays reserved (and in the audit trail).
    public let active: Bool

    public init(id: UserID, username: String, displayName: String, roles: Set<Role>, department: DepartmentID?,
                passwordHash: PasswordHash, active: Bool) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.roles = roles
        self.department = department
        self.passwordHash = passwordHash
        self.active = active
    }

    private enum CodingKeys: String, CodingKey {
        case id = "id", username = "username", displayName = "displayName", roles = "roles"
        case department = "department", passwordHash = "passwordHash", active = "active"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(username, forKey: .username)
        try container.encode(displayName, forKey: .displayName)
        try container.encodeSorted(roles, forKey: .roles)
        try container.encodeIfPresent(department, forKey: .department)
        try container.encode(passwordHash, forKey: .passwordHash)
        try container.encode(active, forKey: .active)
    }
}
