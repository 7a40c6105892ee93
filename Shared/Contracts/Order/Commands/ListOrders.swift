/// Query (gateway → order): a page of the buyer's orders, newest first (GET /v1/orders).
/// Read-only: never recorded.
public struct ListOrders: MessagePayload {
    public static let messageType = "order.list-orders"
    public static let messageVersion = 1

    public let buyer: CompanyID
    /// Only orders in this status.
    public let status: OrderStatus?
    /// Continue after this order (the previous page's `nextBefore`).
    public let before: OrderID?
    /// 1...100.
    public let limit: Int
    public let replyTo: ReplyAddress?

    public init(buyer: CompanyID, status: OrderStatus? = nil, before: OrderID? = nil, limit: Int,
                replyTo: ReplyAddress?) {
        self.buyer = buyer
        self.status = status
        self.before = before
        self.limit = limit
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case buyer = "buyer", status = "status", before = "before", limit = "limit", replyTo = "replyTo"
    }
}
