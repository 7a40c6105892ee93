/// Command (gateway → notification): replace a user's notification preferences.
public struct SetNotificationPreferences: MessagePayload {
    public static let messageType = "notification.set-preferences"
    public static let messageVersion = 1

    public let company: CompanyID
    public let user: UserID
    public let preferences: NotificationPreferences
    public let replyTo: ReplyAddress?

    public init(company: CompanyID, user: UserID, preferences: NotificationPreferences, replyTo: ReplyAddress? = nil) {
        self.company = company
        self.user = user
        self.preferences = preferences
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case company = "company", user = "user", preferences = "preferences", replyTo = "replyTo"
    }
}
