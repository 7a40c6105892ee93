/// Query (gateway → notification): a page of the user's inbox, newest first
/// (GET /v1/notifications). Read-only: never recorded.
public struct ListInbox: MessagePayload {
    public static let messageType = "notification.list-inbox"
    public static let messageVersion = 1

    public let company: CompanyID
    public let user: UserID
    public let unreadOnly: Bool
    /// Continue after this notification (the previous page's `nextBefore`).
    public let before: NotificationID?
    /// 1...100.
    public let limit: Int
    /// Only notifications of this event type (e.g. `order.sub-order-confirmed`: a warehouse's
    /// orders to ship); nil: every type.
    public let eventType: String?
    public let replyTo: ReplyAddress?

    public init(company: CompanyID, user: UserID, unreadOnly: Bool = false, before: NotificationID? = nil, limit: Int,
                eventType: String? = nil, replyTo: ReplyAddress?) {
        self.company = company
        self.user = user
        self.unreadOnly = unreadOnly
        self.before = before
        self.limit = limit
        self.eventType = eventType
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case company = "company", user = "user", unreadOnly = "unreadOnly", before = "before", limit = "limit"
        case eventType = "eventType", replyTo = "replyTo"
    }
}
