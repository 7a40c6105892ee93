/// Who in the recipient company a notification is for: the users holding any of `roles`, plus the
/// users named in `users`. Both empty means every active user of the company.
public struct NotificationAudience: Codable, Sendable, Hashable {
    public let roles: [Role]
    public let users: [UserID]

    /// Roles and users are kept sorted and without repeats, so equal audiences encode equally.
    public init(roles: [Role] = [], users: [UserID] = []) {
        self.roles = Array(Set(roles)).sorted()
        self.users = Array(Set(users)).sorted()
    }

    public static let everyone = NotificationAudience()

    public var isEveryone: Bool { roles.isEmpty && users.isEmpty }

    private enum CodingKeys: String, CodingKey {
        case roles = "roles", users = "users"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(roles: try container.decode([Role].self, forKey: .roles),
                  users: try container.decode([UserID].self, forKey: .users))
    }
}
