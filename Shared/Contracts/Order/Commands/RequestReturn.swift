/// Command (gateway → order): the buyer asks to send back delivered units of a completed order
/// (RMA), each line with a reason. One return covers the lines of one supplier, who approves or
/// rejects it (`order.decide-return`).
///
/// `returnId` is the caller's (the gateway derives it from the `Idempotency-Key`): asking again with
/// the same id and the same lines answers with the order as it is, without a second return.
public struct RequestReturn: MessagePayload {
    public static let messageType = "order.request-return"
    public static let messageVersion = 1

    public let order: OrderID
    public let buyer: CompanyID
    /// 1...48 characters of `A-Z a-z 0-9 . _ : -`, unique within the order.
    public let returnId: String
    /// At most as many lines as the order has, each SKU once, all of one supplier.
    public let lines: [ReturnLine]
    /// The buyer's user asking.
    public let requestedBy: UserID
    public let replyTo: ReplyAddress?

    public init(order: OrderID, buyer: CompanyID, returnId: String, lines: [ReturnLine], requestedBy: UserID,
                replyTo: ReplyAddress? = nil) {
        self.order = order
        self.buyer = buyer
        self.returnId = returnId
        self.lines = lines
        self.requestedBy = requestedBy
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", buyer = "buyer", returnId = "returnId", lines = "lines", requestedBy = "requestedBy"
        case replyTo = "replyTo"
    }
}
