/// Query (gateway → notification): the company's webhooks with their recent deliveries
/// (GET /v1/webhooks). Read-only: never recorded.
public struct ListWebhooks: MessagePayload {
    public static let messageType = "notification.list-webhooks"
    public static let messageVersion = 1

    public let company: CompanyID
    public let replyTo: ReplyAddress?

    public init(company: CompanyID, replyTo: ReplyAddress?) {
        self.company = company
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case company = "company", replyTo = "replyTo"
    }
}
