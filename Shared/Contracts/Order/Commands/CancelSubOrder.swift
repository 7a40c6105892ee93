/// Command (gateway → order): one supplier's part of a confirmed order is cancelled before it
/// shipped, by that supplier (it cannot deliver) or by the buyer (it no longer wants that part, or
/// the supplier never ships), or by a platform operator settling a dispute between them (客服介入).
/// Its stock is given back; the rest of the order goes on, and when the
/// rest is delivered the order completes and the cancelled part's value is refunded. Cancelling
/// the last part still to come of an order of which nothing shipped cancels the whole order.
public struct CancelSubOrder: MessagePayload {
    public static let messageType = "order.cancel-sub-order"
    public static let messageVersion = 1

    public let order: OrderID
    public let buyer: CompanyID
    public let subOrder: String
    /// The company cancelling: the sub-order's supplier, the buyer, or the platform's company.
    public let by: CompanyID
    /// True when a platform operator cancels for both sides (`by` is then the platform's company);
    /// omitted otherwise.
    public let byPlatform: Bool?
    /// The user who asked, for the order's history.
    public let user: UserID
    /// Why (1...500 characters), shown to the other side.
    public let reason: String
    public let replyTo: ReplyAddress?

    public init(order: OrderID, buyer: CompanyID, subOrder: String, by: CompanyID, user: UserID, reason: String,
                replyTo: ReplyAddress? = nil, byPlatform: Bool? = nil) {
        self.order = order
        self.buyer = buyer
        self.subOrder = subOrder
        self.by = by
        self.byPlatform = byPlatform
        self.user = user
        self.reason = reason
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", buyer = "buyer", subOrder = "subOrder", by = "by", user = "user", reason = "reason"
        case replyTo = "replyTo", byPlatform = "byPlatform"
    }
}
