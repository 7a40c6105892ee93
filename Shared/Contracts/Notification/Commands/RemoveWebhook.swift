/// Command (gateway → notification): stop delivering to a webhook. Deliveries still pending for it
/// are dropped.
public struct RemoveWebhook: MessagePayload {
    public static let messageType = "notification.remove-webhook"
    public static let messageVersion = 1

    public let company: CompanyID
    public let webhook: WebhookID
    public let by: UserID
    public let replyTo: ReplyAddress?

    public init(company: CompanyID, webhook: WebhookID, by: UserID, replyTo: ReplyAddress? = nil) {
        self.company = company
        self.webhook = webhook
        self.by = by
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case company = "company", webhook = "webhook", by = "by", replyTo = "replyTo"
    }
}
