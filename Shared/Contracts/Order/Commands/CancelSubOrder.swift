/// Command (gateway → order): one supplier's part of a confirmed order is cancelled before it
/// shipped, by that supplier (it cannot deliver) or by the buyer (it no longer wants that part, or
/// the supplier never ships). Its stock is given back; the rest of the order goes on, and when the
/// rest is delivered the order completes and the cancelled part's value is refunded. Cancelling
/// the last part still to come of an order of which nothing shipped cancels the whole order.
public struct CancelSubOrder: MessagePayload {
    public static let messageType = "order.cancel-sub-order"
    public static let messageVersion = 1

    public let order: OrderID
    public let buyer: CompanyID
    public let subOrder: String
    /// The company cancelling: the sub-order's supplier or the buyer.
    public let by: CompanyID
    /// The user who asked, for the order's history.
    public let user: UserID
    /// Why (1...500 characters), shown to the other side.
    public let reason: String
    public let replyTo: ReplyAddress?

    public init(order: OrderID, buyer: CompanyID, subOrder: String, by: CompanyID, user: UserID, reason: String,
                replyTo: ReplyAddress? = nil) {
        self.order = order
        self.buyer = buyer
        self.subOrder = subOrder
        self.by = by
        self.user = user
        self.reason = reason
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", buyer = "buyer", subOrder = "subOrder", by = "by", user = "user", reason = "reason"
        case replyTo = "replyTo"
    }
}
