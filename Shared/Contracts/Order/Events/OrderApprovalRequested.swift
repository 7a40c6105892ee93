import Foundation

/// Event: the order needs approval, in the sequence of `steps`, by `dueBy` (else it expires).
public struct OrderApprovalRequested: MessagePayload {
    public static let messageType = "order.approval-requested"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    public let steps: [ApprovalStep]
    public let dueBy: Date

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, steps: [ApprovalStep], dueBy: Date) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.steps = steps
        self.dueBy = WireTimestamp.roundedToMilliseconds(dueBy)
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", steps = "steps", dueBy = "dueBy"
    }
}
