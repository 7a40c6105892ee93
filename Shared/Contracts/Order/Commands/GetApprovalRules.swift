/// Query (gateway → order): the buyer's approval rules in force, answered with `approval-rules`
/// (GET /v1/approval-rules). Read-only: never recorded, so it may be repeated freely.
public struct GetApprovalRules: MessagePayload {
    public static let messageType = "order.get-approval-rules"
    public static let messageVersion = 1

    public let buyer: CompanyID
    public let replyTo: ReplyAddress?

    public init(buyer: CompanyID, replyTo: ReplyAddress?) {
        self.buyer = buyer
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case buyer = "buyer", replyTo = "replyTo"
    }
}
