/// Command (gateway → order): replace the buyer company's approval rules (at most 50). Orders
/// already waiting keep the steps they were given.
public struct SetApprovalRules: MessagePayload {
    public static let messageType = "order.set-approval-rules"
    public static let messageVersion = 1

    public let buyer: CompanyID
    public let rules: [ApprovalRule]
    public let replyTo: ReplyAddress?

    public init(buyer: CompanyID, rules: [ApprovalRule], replyTo: ReplyAddress? = nil) {
        self.buyer = buyer
        self.rules = rules
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case buyer = "buyer", rules = "rules", replyTo = "replyTo"
    }
}
