/// Command (gateway → order): the supplier of a return approves or rejects it. Approval puts the
/// units back into stock and refunds their value; a rejection needs a comment the buyer reads.
/// Only the return's supplier may decide it, once.
public struct DecideReturn: MessagePayload {
    public static let messageType = "order.decide-return"
    public static let messageVersion = 1

    public let order: OrderID
    public let buyer: CompanyID
    public let returnId: String
    public let decision: ReturnDecision
    /// The supplier company deciding: must be the supplier of every line of the return.
    public let by: CompanyID
    /// The supplier's user deciding.
    public let decidedBy: UserID
    /// Required to reject (shown to the buyer), optional to approve; at most 500 characters.
    public let comment: String?
    public let replyTo: ReplyAddress?

    public init(order: OrderID, buyer: CompanyID, returnId: String, decision: ReturnDecision, by: CompanyID,
                decidedBy: UserID, comment: String? = nil, replyTo: ReplyAddress? = nil) {
        self.order = order
        self.buyer = buyer
        self.returnId = returnId
        self.decision = decision
        self.by = by
        self.decidedBy = decidedBy
        self.comment = comment
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", buyer = "buyer", returnId = "returnId", decision = "decision", by = "by"
        case decidedBy = "decidedBy", comment = "comment", replyTo = "replyTo"
    }
}
