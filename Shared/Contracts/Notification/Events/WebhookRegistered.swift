import Foundation

/// Event: a company subscribed a webhook. Carries the signing secret, because the notification
/// service's state is folded from this topic: access to `notification.events.v1` must be limited to
/// the notification service (Kafka ACLs), and the secret is never shown in replies.
public struct WebhookRegistered: MessagePayload {
    public static let messageType = "notification.webhook-registered"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let company: CompanyID
    public let webhook: WebhookID
    public let url: String
    /// Sorted, without repeats.
    public let eventTypes: [String]
    public let secret: String
    public let by: UserID
    public let at: Date

    public init(commandId: MessageID, company: CompanyID, webhook: WebhookID, url: String, eventTypes: [String],
                secret: String, by: UserID, at: Date) {
        self.commandId = commandId
        self.company = company
        self.webhook = webhook
        self.url = url
        self.eventTypes = eventTypes
        self.secret = secret
        self.by = by
        self.at = WireTimestamp.roundedToMilliseconds(at)
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", company = "company", webhook = "webhook", url = "url", eventTypes = "eventTypes"
        case secret = "secret", by = "by", at = "at"
    }
}
