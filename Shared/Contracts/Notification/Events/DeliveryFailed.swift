import Foundation

/// Event: every attempt of a planned delivery failed; it went to the dead-letter topic and shows as
/// failed in the company's webhook list.
public struct DeliveryFailed: MessagePayload {
    public static let messageType = "notification.delivery-failed"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let company: CompanyID
    public let notification: NotificationID
    public let delivery: DeliveryID
    public let attempts: Int
    public let lastError: String
    public let at: Date

    public init(commandId: MessageID, company: CompanyID, notification: NotificationID, delivery: DeliveryID,
                attempts: Int, lastError: String, at: Date) {
        self.commandId = commandId
        self.company = company
        self.notification = notification
        self.delivery = delivery
        self.attempts = attempts
        self.lastError = lastError
        self.at = WireTimestamp.roundedToMilliseconds(at)
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", company = "company", notification = "notification", delivery = "delivery"
        case attempts = "attempts", lastError = "lastError", at = "at"
    }
}
