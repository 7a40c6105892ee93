/// Command (gateway → notification): the user read these notifications (1...100 ids).
public struct MarkNotificationsRead: MessagePayload {
    public static let messageType = "notification.mark-read"
    public static let messageVersion = 1

    public let company: CompanyID
    public let user: UserID
    public let notifications: [NotificationID]
    public let replyTo: ReplyAddress?

    public init(company: CompanyID, user: UserID, notifications: [NotificationID], replyTo: ReplyAddress? = nil) {
        self.company = company
        self.user = user
        self.notifications = notifications
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case company = "company", user = "user", notifications = "notifications", replyTo = "replyTo"
    }
}
