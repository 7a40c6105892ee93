import Foundation

/// Event: an approver refused the order at its current step. An `order.rejected` (code
/// `approval-rejected`) follows in the same decision.
public struct OrderApprovalRejected: MessagePayload {
    public static let messageType = "order.approval-rejected"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    public let approver: UserID
    public let role: String
    public let step: Int
    public let comment: String

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, approver: UserID, role: String,
                step: Int, comment: String) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.approver = approver
        self.role = role
        self.step = step
        self.comment = comment
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", approver = "approver"
        case role = "role", step = "step", comment = "comment"
    }
}
