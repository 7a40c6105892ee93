import Foundation

/// Event: a command was refused (invalid input or a transition the order's status does not allow).
/// Published like any other fact, so an auditor sees what was refused and why, and recorded, so a
/// repeat of the command is recognised and answered the same way instead of being decided again
/// against a state that has moved on. Queries are never recorded.
public struct OrderCommandRejected: MessagePayload {
    public static let messageType = "order.command-rejected"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let buyer: CompanyID
    public let order: OrderID?
    public let at: Date
    /// The refused command's wire type, e.g. "order.approve".
    public let commandType: String
    public let code: RejectionCode
    /// The command field at fault, e.g. "lines[3].quantity"; absent when no single field is.
    public let field: String?
    public let reason: String

    public init(commandId: MessageID, buyer: CompanyID, order: OrderID?, at: Date, commandType: String,
                code: RejectionCode, field: String?, reason: String) {
        self.commandId = commandId
        self.buyer = buyer
        self.order = order
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.commandType = commandType
        self.code = code
        self.field = field
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", buyer = "buyer", order = "order", at = "at", commandType = "commandType"
        case code = "code", field = "field", reason = "reason"
    }
}
