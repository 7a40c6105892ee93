/// Command (gateway → notification): subscribe `url` to the company's notifications of
/// `eventTypes` ("*" for all). The gateway generates `secret` (≥ 32 random bytes, as text) and
/// shows it to the user once; deliveries are signed with it (`Tradeflow-Signature`).
public struct RegisterWebhook: MessagePayload {
    public static let messageType = "notification.register-webhook"
    public static let messageVersion = 1

    public let company: CompanyID
    public let webhook: WebhookID
    /// http or https, with a host, no user info, at most 2,048 characters.
    public let url: String
    public let eventTypes: [String]
    public let secret: String
    public let by: UserID
    public let replyTo: ReplyAddress?

    public init(company: CompanyID, webhook: WebhookID, url: String, eventTypes: [String], secret: String, by: UserID,
                replyTo: ReplyAddress? = nil) {
        self.company = company
        self.webhook = webhook
        self.url = url
        self.eventTypes = eventTypes
        self.secret = secret
        self.by = by
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case company = "company", webhook = "webhook", url = "url", eventTypes = "eventTypes", secret = "secret"
        case by = "by", replyTo = "replyTo"
    }
}
