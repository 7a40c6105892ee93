/// How a notification reaches people or systems.
public enum NotificationChannel: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration, Comparable {
    /// The in-app inbox (GET /v1/notifications). On by default for every event type.
    case inbox = "inbox"
    /// An email through the configured SMTP relay, to the address the user set in their preferences.
    /// Off by default.
    case email = "email"
    /// An HTTP POST to every webhook of the company subscribed to the event type. Chosen by the
    /// company's subscriptions, never by a user's preferences.
    case webhook = "webhook"

    public static func < (lhs: NotificationChannel, rhs: NotificationChannel) -> Bool { lhs.rawValue < rhs.rawValue }
}
