/// Why a decider refused a command: a code programs act on, the field at fault (if any) and a
/// sentence for people. Deciders throw it internally and turn it into their rejection value.
public struct Refusal: Error, Equatable, Sendable {
    public let code: RejectionCode
    public let field: String?
    public let message: String

    public init(_ code: RejectionCode, field: String?, _ message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    /// The same sentence, under the name some events use for it.
    public var reason: String { message }

    public static func invalid(_ field: String, _ message: String) -> Refusal {
        Refusal(.invalidField, field: field, message)
    }
}
