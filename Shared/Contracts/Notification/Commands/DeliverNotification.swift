import Foundation

/// Command (notification relay → notification): notify `company` of something that happened. The
/// relay derives `notification` from the source event id and the recipient, so relaying the same
/// event again is recognised as a duplicate.
public struct DeliverNotification: MessagePayload {
    public static let messageType = "notification.deliver"
    public static let messageVersion = 1

    public let notification: NotificationID
    /// The recipient company (the partition key).
    public let company: CompanyID
    public let audience: NotificationAudience
    /// One of `NotificationEventTypes.all`.
    public let eventType: String
    /// The template's placeholders, e.g. ["order": "ORD-1", "total": "1234.56 CNY"].
    public let parameters: [String: String]
    /// Where the console shows the subject, e.g. "/v1/orders/ORD-1".
    public let link: String?
    /// The event (or timer tick) that caused the notification.
    public let source: MessageID
    /// When the source fact happened.
    public let occurredAt: Date

    public init(notification: NotificationID, company: CompanyID, audience: NotificationAudience, eventType: String,
                parameters: [String: String], link: String?, source: MessageID, occurredAt: Date) {
        self.notification = notification
        self.company = company
        self.audience = audience
        self.eventType = eventType
        self.parameters = parameters
        self.link = link
        self.source = source
        self.occurredAt = WireTimestamp.roundedToMilliseconds(occurredAt)
    }

    private enum CodingKeys: String, CodingKey {
        case notification = "notification", company = "company", audience = "audience", eventType = "eventType"
        case parameters = "parameters", link = "link", source = "source", occurredAt = "occurredAt"
    }
}
