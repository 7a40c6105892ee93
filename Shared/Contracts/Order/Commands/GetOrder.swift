/// Query (gateway → order): one order of the buyer, answered with its `OrderSummary`
/// (GET /v1/orders/{id}). Read-only: never recorded, so it may be repeated freely.
public struct GetOrder: MessagePayload {
    public static let messageType = "order.get-order"
    public static let messageVersion = 1

    public let order: OrderID
    public let buyer: CompanyID
    public let replyTo: ReplyAddress?

    public init(order: OrderID, buyer: CompanyID, replyTo: ReplyAddress?) {
        self.order = order
        self.buyer = buyer
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", buyer = "buyer", replyTo = "replyTo"
    }
}
