import Foundation

/// Event: a notification command was refused. Recorded so a repeat is answered the same way.
/// Queries are never recorded.
public struct NotificationCommandRejected: MessagePayload {
    public static let messageType = "notification.command-rejected"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let company: CompanyID
    /// The refused command's wire type, e.g. "notification.register-webhook".
    public let commandType: String
    public let code: RejectionCode
    /// The command field at fault, e.g. "url"; absent when no single field is.
    public let field: String?
    public let reason: String
    public let at: Date

    public init(commandId: MessageID, company: CompanyID, commandType: String, code: RejectionCode, field: String?,
                reason: String, at: Date) {
        self.commandId = commandId
        self.company = company
        self.commandType = commandType
        self.code = code
        self.field = field
        self.reason = reason
        self.at = WireTimestamp.roundedToMilliseconds(at)
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", company = "company", commandType = "commandType", code = "code"
        case field = "field", reason = "reason", at = "at"
    }
}
