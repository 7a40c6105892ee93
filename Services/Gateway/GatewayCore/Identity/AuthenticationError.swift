import Contracts

/// Why sign-in or a request was refused (HTTP 401, or 403 for a company that is not approved).
///
/// An unknown username, a wrong password, an unknown API key and a wrong API key secret all give
/// `invalidCredentials`, so that answers never reveal which usernames or key ids exist. The other
/// cases are only reported after the credentials were proven, so they reveal nothing to a guesser.
public enum AuthenticationError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidCredentials
    case userDeactivated
    case apiKeyRevoked
    /// The company is pending, rejected or suspended.
    case companyNotApproved(CompanyStatus, reason: String?)
    /// The bearer token was refused.
    case invalidToken(TokenError)
    /// The token is valid but its user, API key or company no longer exists.
    case principalGone
    /// None of the roles the token was issued with is held any more.
    case rolesWithdrawn

    public var reason: String {
        switch self {
        case .invalidCredentials: "invalid credentials: a wrong username or password, or an API key that is not valid"
        case .userDeactivated: "this user has been deactivated; ask your company admin"
        case .apiKeyRevoked: "this API key has been revoked"
        case .companyNotApproved(.pending, _): "your company's application is still being reviewed"
        case let .companyNotApproved(.rejected, reason?): "your company's application was rejected: \(reason)"
        case let .companyNotApproved(.suspended, reason?): "your company is suspended: \(reason)"
        case let .companyNotApproved(status, _): "your company is \(status.rawValue)"
        case let .invalidToken(error): error.reason
        case .principalGone: "the user or API key of this token no longer exists"
        case .rolesWithdrawn: "the roles this token was issued with have been changed; sign in again"
        }
    }

    public var description: String { reason }
}
