import Contracts

/// A rejection before it becomes a decision: thrown (typed) by validation and transition checks so
/// the first problem found stops the decision and names its field.
struct Refusal: Error, Equatable {
    let code: RejectionCode
    let field: String?
    let message: String

    init(_ code: RejectionCode, field: String?, _ message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    static func invalid(_ field: String, _ message: String) -> Refusal {
        Refusal(.invalidField, field: field, message)
    }

    /// The order's status does not allow the command.
    static func state(_ message: String) -> Refusal {
        Refusal(.invalidOrderState, field: nil, message)
    }
}
