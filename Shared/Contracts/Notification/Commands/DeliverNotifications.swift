/// Command (notification relay → notification): several notifications for one company at once,
/// each exactly as its own `notification.deliver` would carry it. The relay sends one of these per
/// recipient company and round of events instead of a command per notification (a promotion day
/// notifies the same suppliers many times a second), so the decider's partition reads one record
/// where it read several. Each notification is decided on its own: a repeated one is skipped, a
/// refused one is rejected naming `notifications[i]`, the others are created.
public struct DeliverNotifications: MessagePayload {
    public static let messageType = "notification.deliver-batch"
    public static let messageVersion = 1
    /// At most this many notifications in one command; the relay splits larger groups.
    public static let maximumCount = 100

    /// The recipient company (the partition key); every notification must be addressed to it.
    public let company: CompanyID
    public let notifications: [DeliverNotification]

    public init(company: CompanyID, notifications: [DeliverNotification]) {
        self.company = company
        self.notifications = notifications
    }

    private enum CodingKeys: String, CodingKey {
        case company = "company", notifications = "notifications"
    }
}
