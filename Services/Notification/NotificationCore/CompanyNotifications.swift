import Contracts

/// Everything the notification service keeps for one company.
public struct CompanyNotifications: Sendable, Equatable, Codable {
    public let company: CompanyID
    /// Oldest first; bounded by `NotificationSettings.maximumNotificationsPerCompany`.
    public internal(set) var records: [NotificationRecord] = []
    public internal(set) var webhooks: [WebhookID: Webhook] = [:]
    public internal(set) var preferences: [UserID: NotificationPreferences] = [:]
    var seenNotifications: RecentIDs<NotificationID>
    var recentCommands: RecentIDs<MessageID>
    /// Rejections of remembered commands, to answer a repeat the same way.
    var rejections: [MessageID: Rejection] = [:]

    struct Rejection: Sendable, Equatable, Codable {
        let code: RejectionCode
        let field: String?
        let reason: String
    }

    init(company: CompanyID, settings: NotificationSettings) {
        self.company = company
        seenNotifications = RecentIDs(limit: settings.rememberedNotificationsPerCompany)
        recentCommands = RecentIDs(limit: settings.rememberedCommandsPerCompany)
    }

    public func preferences(of user: UserID) -> NotificationPreferences { preferences[user] ?? .standard }

    public func record(_ notification: NotificationID) -> NotificationRecord? {
        records.last { $0.notification == notification }
    }

    func recordIndex(_ notification: NotificationID) -> Int? {
        records.lastIndex { $0.notification == notification }
    }

    /// The user's inbox, newest first.
    func inbox(of user: UserID) -> [NotificationRecord] {
        records.reversed().filter { $0.recipients.contains(user) }
    }

    func unreadCount(of user: UserID) -> Int {
        records.reduce(0) { $0 + ($1.recipients.contains(user) && !$1.isRead(by: user) ? 1 : 0) }
    }

    /// Forgets the oldest notifications beyond `maximum`, skipping any with a delivery still
    /// pending (those stay until settled, so no owed delivery is lost to the bound).
    mutating func trim(to maximum: Int) {
        var excess = records.count - maximum
        var index = 0
        while excess > 0, index < records.count {
            if records[index].hasPendingDeliveries {
                index += 1
            } else {
                records.remove(at: index)
                excess -= 1
            }
        }
    }
}
