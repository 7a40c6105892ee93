import Contracts

/// A rejection before it becomes a decision: thrown (typed) by validation helpers so that the first
/// problem found stops the check and names its field.
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
}
