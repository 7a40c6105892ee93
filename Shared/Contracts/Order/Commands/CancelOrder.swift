/// Command (gateway → order): the buyer cancels an order before any of it has shipped. Reserved
/// stock is released and the payment voided (or refunded if it was paid).
public struct CancelOrder: MessagePayload {
    public static let messageType = "order.cancel"
    public static let messageVersion = 1

    public let order: OrderID
    public let buyer: CompanyID
    public let by: UserID
    public let reason: String
    public let replyTo: ReplyAddress?

    public init(order: OrderID, buyer: CompanyID, by: UserID, reason: String, replyTo: ReplyAddress? = nil) {
        self.order = order
        self.buyer = buyer
        self.by = by
        self.reason = reason
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", buyer = "buyer", by = "by", reason = "reason", replyTo = "replyTo"
    }
}
