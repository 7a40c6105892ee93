import Foundation

/// Event: a user read notifications of their inbox (only ids that were unread are listed).
public struct NotificationsRead: MessagePayload {
    public static let messageType = "notification.read"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let company: CompanyID
    public let user: UserID
    public let notifications: [NotificationID]
    public let at: Date

    public init(commandId: MessageID, company: CompanyID, user: UserID, notifications: [NotificationID], at: Date) {
        self.commandId = commandId
        self.company = company
        self.user = user
        self.notifications = notifications
        self.at = WireTimestamp.roundedToMilliseconds(at)
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", company = "company", user = "user", notifications = "notifications", at = "at"
    }
}
