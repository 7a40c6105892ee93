/// One user's notification settings. `channels` maps an event type (or "*" for every other type) to
/// the channels wanted (`inbox`, `email`); an event type in neither gets the default: inbox only.
/// An empty list mutes the type. `email` is where email notifications go (identity records no
/// addresses); `locale` picks the template language ("en" or "zh"; default "en").
public struct NotificationPreferences: Codable, Sendable, Hashable {
    public let channels: [String: [NotificationChannel]]
    public let email: String?
    public let locale: String?

    public init(channels: [String: [NotificationChannel]], email: String? = nil, locale: String? = nil) {
        self.channels = channels.mapValues { Array(Set($0)).sorted() }
        self.email = email
        self.locale = locale
    }

    /// Inbox on, email off, for every type.
    public static let standard = NotificationPreferences(channels: [:])

    /// The channels wanted for `eventType`.
    public func channels(for eventType: String) -> Set<NotificationChannel> {
        Set(channels[eventType] ?? channels[NotificationEventTypes.wildcard] ?? [.inbox])
    }

    private enum CodingKeys: String, CodingKey {
        case channels = "channels", email = "email", locale = "locale"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(channels: try container.decode([String: [NotificationChannel]].self, forKey: .channels),
                  email: try container.decodeIfPresent(String.self, forKey: .email),
                  locale: try container.decodeIfPresent(String.self, forKey: .locale))
    }
}
