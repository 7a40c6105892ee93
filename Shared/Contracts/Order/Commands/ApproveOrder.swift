/// Command (gateway → order): a user approves the order's current approval step.
///
/// `roles` are the approver's roles as the gateway authenticated them (wire names of `Role`); the
/// order service checks that they include the role of the step waiting for approval. (Added to the
/// saga spec's fields: the order service cannot read identity, which is partitioned differently.)
public struct ApproveOrder: MessagePayload {
    public static let messageType = "order.approve"
    public static let messageVersion = 1

    public let order: OrderID
    public let buyer: CompanyID
    public let approver: UserID
    public let roles: [String]
    public let comment: String?
    public let replyTo: ReplyAddress?

    public init(order: OrderID, buyer: CompanyID, approver: UserID, roles: [String], comment: String? = nil,
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
