import Contracts

/// The outcome of an identity command.
public enum IdentityDecision: Sendable, Hashable {
    /// Publish `company` (its revision is one more than before; 1 for a new company) to
    /// `identity.events.v1` under its id. `issuedAPIKey` is set by `createAPIKey` only: the full
    /// `tfk_<id>_<secret>`, to return to the caller once and never store or log.
    case accepted(Company, issuedAPIKey: String? = nil)
    /// Nothing to publish. `field` names the command field at fault, when there is one.
    case rejected(code: RejectionCode, message: String, field: String?)

    public var company: Company? {
        if case let .accepted(company, _) = self { return company }
        return nil
    }
}

/// A rejection while deciding; turned into `IdentityDecision.rejected`.
struct IdentityRejection: Error {
    let code: RejectionCode
    let message: String
    let field: String?

    init(_ code: RejectionCode, _ message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    static func invalid(_ field: String, _ message: String) -> IdentityRejection {
        IdentityRejection(.invalidField, message, field: field)
    }
}
