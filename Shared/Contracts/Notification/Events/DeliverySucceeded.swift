import Foundation

/// Event: a planned delivery reached its webhook endpoint or the SMTP relay.
public struct DeliverySucceeded: MessagePayload {
    public static let messageType = "notification.delivery-succeeded"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let company: CompanyID
    public let notification: NotificationID
    public let delivery: DeliveryID
    public let attempts: Int
    public let at: Date

    public init(commandId: MessageID, company: CompanyID, notification: NotificationID, delivery: DeliveryID,
                attempts: Int, at: Date) {
        self.commandId = commandId
        self.company = company
        self.notification = notification
        self.delivery = delivery
        self.attempts = attempts
        self.at = WireTimestamp.roundedToMilliseconds(at)
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", company = "company", notification = "notification", delivery = "delivery"
        case attempts = "attempts", at = "at"
    }
}
