import Foundation

/// Event: a notification was created for `company`: in the inboxes of `recipients` and with the
/// deliveries of `deliveries` to make (webhooks subscribed to the type, emails of users who want
/// them). Deliveries are settled by `delivery-succeeded` / `delivery-failed`.
public struct NotificationCreated: MessagePayload {
    public static let messageType = "notification.created"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let notification: NotificationID
    public let company: CompanyID
    public let eventType: String
    public let parameters: [String: String]
    public let link: String?
    public let source: MessageID
    /// When the source fact happened.
    public let occurredAt: Date
    /// When the notification was created.
    public let at: Date
    /// The users whose inbox shows it (sorted).
    public let recipients: [UserID]
    public let deliveries: [PlannedDelivery]

    public init(commandId: MessageID, notification: NotificationID, company: CompanyID, eventType: String,
                parameters: [String: String], link: String?, source: MessageID, occurredAt: Date, at: Date,
                recipients: [UserID], deliveries: [PlannedDelivery]) {
        self.commandId = commandId
        self.notification = notification
        self.company = company
        self.eventType = eventType
        self.parameters = parameters
        self.link = link
        self.source = source
        self.occurredAt = WireTimestamp.roundedToMilliseconds(occurredAt)
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.recipients = recipients
        self.deliveries = deliveries
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", notification = "notification", company = "company", eventType = "eventType"
        case parameters = "parameters", link = "link", source = "source", occurredAt = "occurredAt", at = "at"
        case recipients = "recipients", deliveries = "deliveries"
    }
}
