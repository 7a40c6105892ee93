import Contracts
import Foundation

/// What a bearer token asserts. Times are whole seconds (JWT NumericDate), so `init` drops
/// fractions and a verified token's claims equal the issued ones.
public struct Claims: Sendable, Hashable {
    /// Tokens live 15 minutes: short enough that a leaked token is soon useless, long enough that
    /// clients are not constantly re-authenticating. Access is also re-checked against the
    /// directory on every request (`Authenticator.authenticate`).
    public static let defaultLifetime: TimeInterval = 15 * 60

    /// `sub` and `sub_type`.
    public let subject: Subject
    /// `company`.
    public let company: CompanyID
    /// `roles`, at issue time.
    public let roles: Set<Role>
    /// `iss`, e.g. "https://api.tradeflow.example".
    public let issuer: String
    /// `aud`, e.g. "tradeflow-api".
    public let audience: String
    /// `iat`.
    public let issuedAt: Date
    /// `exp`.
    public let expiresAt: Date
    /// `jti`: a unique id per token, for logs and a future deny list.
    public let tokenID: String

    public init(subject: Subject, company: CompanyID, roles: Set<Role>, issuer: String, audience: String,
                issuedAt: Date, expiresAt: Date, tokenID: String) {
        self.subject = subject
        self.company = company
        self.roles = roles
        self.issuer = issuer
        self.audience = audience
        self.issuedAt = Self.wholeSeconds(issuedAt)
        self.expiresAt = Self.wholeSeconds(expiresAt)
        self.tokenID = tokenID
    }

    /// Claims that expire `lifetime` seconds after `issuedAt`.
    public init(subject: Subject, company: CompanyID, roles: Set<Role>, issuer: String, audience: String,
                issuedAt: Date, lifetime: TimeInterval = Claims.defaultLifetime, tokenID: String) {
        self.init(subject: subject, company: company, roles: roles, issuer: issuer, audience: audience,
                  issuedAt: issuedAt, expiresAt: issuedAt.addingTimeInterval(lifetime), tokenID: tokenID)
    }

    static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}
