import Foundation

/// Event: a company removed a webhook; its pending deliveries are dropped.
public struct WebhookRemoved: MessagePayload {
    public static let messageType = "notification.webhook-removed"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let company: CompanyID
    public let webhook: WebhookID
    public let by: UserID
    public let at: Date

    public init(commandId: MessageID, company: CompanyID, webhook: WebhookID, by: UserID, at: Date) {
        self.commandId = commandId
        self.company = company
        self.webhook = webhook
        self.by = by
        self.at = WireTimestamp.roundedToMilliseconds(at)
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", company = "company", webhook = "webhook", by = "by", at = "at"
    }
}
