import Foundation

/// Event: the buyer company's approval rules were replaced (orders placed from now on use them).
public struct OrderApprovalRulesSet: MessagePayload {
    public static let messageType = "order.approval-rules-set"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let buyer: CompanyID
    public let at: Date
    public let rules: [ApprovalRule]

    public init(commandId: MessageID, buyer: CompanyID, at: Date, rules: [ApprovalRule]) {
        self.commandId = commandId
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.rules = rules
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", buyer = "buyer", at = "at", rules = "rules"
    }
}
