import Foundation

/// Event: one approval step was approved. When `remainingRoles` is empty the order is fully
/// approved: it moves to `reserving-stock` and `paymentDueBy` is its new deadline.
public struct OrderApproved: MessagePayload {
    public static let messageType = "order.approved"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    public let approver: UserID
    /// The role the approver approved in (the step's role).
    public let role: String
    /// 1-based number of the step approved.
    public let step: Int
    public let comment: String?
    /// Roles of the steps still waiting, in order.
    public let remainingRoles: [String]
    public let paymentDueBy: Date?

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, approver: UserID, role: String,
                step: Int, comment: String?, remainingRoles: [String], paymentDueBy: Date?) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.approver = approver
        self.role = role
        self.step = step
        self.comment = comment
        self.remainingRoles = remainingRoles
        self.paymentDueBy = paymentDueBy.map(WireTimestamp.roundedToMilliseconds)
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", approver = "approver"
        case role = "role", step = "step", comment = "comment", remainingRoles = "remainingRoles"
        case paymentDueBy = "paymentDueBy"
    }
}
