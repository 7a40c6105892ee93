/// Command (gateway → order): a user refuses the order at its current approval step; the order is
/// rejected with the comment as the reason the buyer reads.
public struct RejectOrderApproval: MessagePayload {
    public static let messageType = "order.reject-approval"
    public static let messageVersion = 1

    public let order: OrderID
    public let buyer: CompanyID
    public let approver: UserID
    /// The approver's roles (see `ApproveOrder.roles`).
    public let roles: [String]
    /// Why; required, shown to the purchaser.
    public let comment: String
    public let replyTo: ReplyAddress?

    public init(order: OrderID, buyer: CompanyID, approver: UserID, roles: [String], comment: String,
                replyTo: ReplyAddress? = nil) {
        self.order = order
        self.buyer = buyer
        self.approver = approver
        self.roles = roles
        self.comment = comment
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", buyer = "buyer", approver = "approver", roles = "roles", comment = "comment"
        case replyTo = "replyTo"
    }
}
