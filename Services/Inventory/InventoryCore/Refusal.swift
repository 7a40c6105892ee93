import Contracts

/// A rejection before it is tied to a command: code, the field at fault, and a sentence.
struct Refusal: Error {
    let code: RejectionCode
    let field: String?
    let reason: String

    init(_ code: RejectionCode, field: String?, _ reason: String) {
        self.code = code
        self.field = field
        self.reason = reason
    }
}
