import Foundation

/// Event: a user's notification preferences were replaced.
public struct NotificationPreferencesSet: MessagePayload {
    public static let messageType = "notification.preferences-set"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let company: CompanyID
    public let user: UserID
    public let preferences: NotificationPreferences
    public let at: Date

    public init(commandId: MessageID, company: CompanyID, user: UserID, preferences: NotificationPreferences, at: Date) {
        self.commandId = commandId
        self.company = company
        self.user = user
        self.preferences = preferences
        self.at = WireTimestamp.roundedToMilliseconds(at)
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", company = "company", user = "user", preferences = "preferences", at = "at"
    }
}
