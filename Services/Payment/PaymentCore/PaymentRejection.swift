import Contracts

/// Why a command was refused, as the decision reports it (the same facts are in the published
/// `authorization-rejected` or `command-rejected` event).
public struct PaymentRejection: Sendable, Hashable {
    public let code: RejectionCode
    /// The command field at fault, e.g. "settlement[2].amount"; nil when no single field is.
    public let field: String?
    public let reason: String
    /// The credit available, for credit refusals.
    public let available: Money?

    public init(code: RejectionCode, field: String?, reason: String, available: Money?) {
        self.code = code
        self.field = field
        self.reason = reason
        self.available = available
    }
}
