import Contracts
import Foundation

/// Sign-in (`POST /v1/auth/token`) and per-request authentication against the `Directory`.
///
/// Login returns `Claims`; the caller signs them with `tokens.issue(_:)` (kept apart so the claims
/// can be logged and tested without a key). `authenticate` verifies a bearer token and resolves it
/// against the current directory: a user deactivated, a key revoked, a role removed or a company
/// suspended after the token was issued takes effect on the next request.
public struct Authenticator: Sendable {
    public let passwordHasher: PasswordHasher
    public let tokens: TokenService
    public let issuer: String
    public let audience: String
    public let tokenLifetime: TimeInterval
    private let policy = PasswordPolicy()

    public init(passwordHasher: PasswordHasher = PasswordHasher(), tokens: TokenService, issuer: String,
                audience: String, tokenLifetime: TimeInterval = Claims.defaultLifetime) {
        self.passwordHasher = passwordHasher
        self.tokens = tokens
        self.issuer = issuer
        self.audience = audience
        self.tokenLifetime = tokenLifetime
    }

    /// Signs in a person. `tokenID` becomes `jti` (the gateway passes a random id).
    public func login(username: String, password: String, in directory: Directory, now: Date,
                      tokenID: String) throws(AuthenticationError) -> Claims {
        // Over-long input is refused before any lookup, so the cost of a request does not depend
        // on whether the user exists.
        guard username.utf8.count <= 64, password.count <= policy.maximumLength else { throw .invalidCredentials }
        guard let entry = directory.user(named: username) else {
            _ = passwordHasher.verify(password, against: passwordHasher.decoy)
            throw .invalidCredentials
        }
        guard passwordHasher.verify(password, against: entry.user.passwordHash) else { throw .invalidCredentials }
        guard entry.user.active else { throw .userDeactivated }
        try Self.requireApproved(entry.company)
        return Claims(subject: .user(entry.user.id), company: entry.company.id, roles: entry.user.roles,
                      issuer: issuer, audience: audience, issuedAt: now, lifetime: tokenLifetime, tokenID: tokenID)
    }

    /// Signs in a machine with `tfk_<id>_<secret>`.
    public func login(apiKey: String, in directory: Directory, now: Date,
                      tokenID: String) throws(AuthenticationError) -> Claims {
        guard let credential = APIKeyCredential(parsing: apiKey),
              let entry = directory.apiKey(credential.id),
              credential.matches(storedHash: entry.key.secretHash)
        else { throw .invalidCredentials }
        guard !entry.key.revoked else { throw .apiKeyRevoked }
        try Self.requireApproved(entry.company)
        return Claims(subject: .apiKey(entry.key.id), company: entry.company.id, roles: entry.key.roles,
                      issuer: issuer, audience: audience, issuedAt: now, lifetime: tokenLifetime, tokenID: tokenID)
    }

    /// The caller of a request carrying `Authorization: Bearer <token>`.
    public func authenticate(bearerToken token: String, in directory: Directory,
                             now: Date) throws(AuthenticationError) -> Principal {
        let claims: Claims
        do {
            claims = try tokens.verify(token, now: now, expectedIssuer: issuer, expectedAudience: audience)
        } catch {
            throw .invalidToken(error)
        }
        return try principal(for: claims, in: directory)
    }

    /// Resolves verified claims against the current directory. Roles are the intersection of the
    /// token's and the current ones: a removed role stops working at once, an added one needs a
    /// new token.
    public func principal(for claims: Claims, in directory: Directory) throws(AuthenticationError) -> Principal {
        guard let company = directory.company(claims.company) else { throw .principalGone }
        let currentRoles: Set<Role>
        switch claims.subject {
        case let .user(id):
            guard let user = company.users.first(where: { $0.id == id }) else { throw .principalGone }
            guard user.active else { throw .userDeactivated }
            currentRoles = user.roles
        case let .apiKey(id):
            guard let key = company.apiKeys.first(where: { $0.id == id }) else { throw .principalGone }
            guard !key.revoked else { throw .apiKeyRevoked }
            currentRoles = key.roles
        }
        try Self.requireApproved(company)
        // Roles taken away act at once; when none of the token's is left, say so rather than
        // refuse each request for "a caller without roles".
        let roles = claims.roles.intersection(currentRoles)
        if roles.isEmpty, !claims.roles.isEmpty { throw .rolesWithdrawn }
        return Principal(company: company.id, companyTypes: company.types, roles: roles, subject: claims.subject)
    }

    private static func requireApproved(_ company: Company) throws(AuthenticationError) {
        guard company.status == .approved else { throw .companyNotApproved(company.status, reason: company.statusReason) }
    }
}
