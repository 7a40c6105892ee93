import Contracts

/// Who is calling: resolved for every request from a verified token and the current `Directory`
/// (see `Authenticator.authenticate`), so a deactivated user or a removed role stops working at
/// once rather than when the token expires.
public struct Principal: Sendable, Hashable {
    public let company: CompanyID
    public let companyTypes: Set<CompanyType>
    public let roles: Set<Role>
    /// The user or API key acting; `nil` only in tests and for internal callers.
    public let subject: Subject?

    public init(company: CompanyID, companyTypes: Set<CompanyType>, roles: Set<Role>, subject: Subject? = nil) {
        self.company = company
        self.companyTypes = companyTypes
        self.roles = roles
        self.subject = subject
    }

    /// Platform staff: the `operator` role inside the platform operator's company. The role alone is
    /// not enough (defence in depth: the decider never grants it elsewhere, but a corrupt record
    /// must not make a buyer an operator).
    public var isPlatformOperator: Bool {
        companyTypes.contains(.operator) && roles.contains(.operator)
    }
}

/// What signed in: a person or a machine.
public enum Subject: Sendable, Hashable, CustomStringConvertible {
    case user(UserID)
    case apiKey(APIKeyID)

    public var description: String {
        switch self {
        case let .user(id): "user \(id)"
        case let .apiKey(id): "API key \(id)"
        }
    }
}
