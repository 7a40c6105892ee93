import Contracts
import Crypto
import Foundation

/// Decides identity commands: pure apart from the injected `RandomSource` (salts, secrets, ids);
/// no Kafka, no clock (`now` is passed in).
///
/// Flow in the gateway: `decide(command, by: actor, in: directory, now: now)`; on `.accepted`,
/// publish `.companyChanged(company)` to `identity.events.v1` keyed by `company.id`, and answer the
/// HTTP request once the gateway's own replica has applied it (read-your-writes).
public struct IdentityDecider: Sendable {
    /// Room left for the envelope around the company record in one Kafka message.
    static let envelopeHeadroomBytes = 16 * 1024

    public let passwordHasher: PasswordHasher
    public let passwordPolicy: PasswordPolicy
    public let random: RandomSource
    public let limits: IdentityLimits
    public let policy: AccessPolicy

    public init(passwordHasher: PasswordHasher = PasswordHasher(), passwordPolicy: PasswordPolicy = PasswordPolicy(),
                random: RandomSource = .system, limits: IdentityLimits = .standard, policy: AccessPolicy = AccessPolicy()) {
        self.passwordHasher = passwordHasher
        self.passwordPolicy = passwordPolicy
        self.random = random
        self.limits = limits
        self.policy = policy
    }

    public func decide(_ command: IdentityCommand, by actor: IdentityActor, in directory: Directory,
                       now: Date) -> IdentityDecision {
        do {
            let (draft, issuedAPIKey) = try changes(for: command, by: actor, in: directory, now: now)
            let company = draft.build(now: now)
            try checkRecordSize(company)
            return .accepted(company, issuedAPIKey: issuedAPIKey)
        } catch {
            return .rejected(code: error.code, message: error.message, field: error.field)
        }
    }

    private func changes(for command: IdentityCommand, by actor: IdentityActor, in directory: Directory,
                         now: Date) throws(IdentityRejection) -> (CompanyDraft, String?) {
        switch command {
        case let .bootstrapPlatformOperator(bootstrap):
            return (try bootstrapPlatformOperator(bootstrap, by: actor, in: directory), nil)
        case let .applyForOnboarding(application):
            return (try applyForOnboarding(application, by: actor, in: directory), nil)
        case let .approve(id):
            return (try approve(try company(id, .approveCompanies, actor, directory)), nil)
        case let .reject(id, reason):
            return (try reject(try company(id, .approveCompanies, actor, directory), reason: reason), nil)
        case let .suspend(id, reason):
            return (try suspend(try company(id, .approveCompanies, actor, directory), reason: reason), nil)
        case let .reinstate(id):
            return (try reinstate(try company(id, .approveCompanies, actor, directory)), nil)
        case let .setBuyerTier(id, tier):
            return (try setBuyerTier(try company(id, .approveCompanies, actor, directory), tier), nil)
        case let .setRegion(id, region):
            return (try setRegion(try company(id, .approveCompanies, actor, directory), region), nil)
        case let .addUser(id, user):
            return (try addUser(user, to: try company(id, .manageUsers, actor, directory), in: directory), nil)
        case let .setRoles(id, user, roles):
            return (try setRoles(roles, of: user, in: try company(id, .manageUsers, actor, directory)), nil)
        case let .deactivateUser(id, user):
            return (try setActive(false, user, in: try company(id, .manageUsers, actor, directory)), nil)
        case let .reactivateUser(id, user):
            return (try setActive(true, user, in: try company(id, .manageUsers, actor, directory)), nil)
        case let .setPassword(id, user, newPassword, currentPassword):
            return (try setPassword(newPassword, currentPassword: currentPassword, of: user, companyID: id,
                                    by: actor, in: directory), nil)
        case let .addDepartment(id, name, parent):
            return (try addDepartment(name, parent: parent, to: try company(id, .manageUsers, actor, directory)), nil)
        case let .createAPIKey(id, label, roles):
            return try createAPIKey(label: label, roles: roles, in: try company(id, .manageUsers, actor, directory),
                                    directory: directory, now: now)
        case let .revokeAPIKey(id, key):
            return (try revokeAPIKey(key, in: try company(id, .manageUsers, actor, directory)), nil)
        }
    }

    /// Checks that `actor` may perform `action` on company `id`, then loads it.
    func company(_ id: CompanyID, _ action: AccessAction, _ actor: IdentityActor,
                 _ directory: Directory) throws(IdentityRejection) -> CompanyDraft {
        try authorize(actor, action, company: id)
        guard let company = directory.company(id) else {
            throw IdentityRejection(.companyNotFound, "no company \(id)", field: "company")
        }
        return CompanyDraft(company)
    }

    func authorize(_ actor: IdentityActor, _ action: AccessAction, company: CompanyID) throws(IdentityRejection) {
        switch actor {
        case .system:
            return
        case .anonymous:
            throw IdentityRejection(.accessDenied, "sign in to \(action)")
        case let .principal(principal):
            let resource = ResourceOwner(kind: "company", owner: company)
            guard let denial = policy.authorize(principal, action, on: resource).denial else { return }
            let message = denial.kind == .ownership ? "you can only \(action) of your own company" : denial.reason
            throw IdentityRejection(.accessDenied, message)
        }
    }

    /// A fresh id that no company uses yet (64 random bits; a clash is astronomically unlikely,
    /// but checking costs nothing).
    func newIdentifier<Tag>(prefix: String, isTaken: (Identifier<Tag>) -> Bool) throws(IdentityRejection)
        -> Identifier<Tag> {
        for _ in 0..<4 {
            let raw = try cryptography { () throws(CryptoError) in try random.identifier(prefix: prefix) }
            if let id = Identifier<Tag>(validating: raw), !isTaken(id) { return id }
        }
        throw IdentityRejection(.identityInternalFailure, "could not generate a unique \(Tag.kindName)")
    }

    /// Runs a libcrypto-backed step; its (rare) failure becomes a rejection the gateway answers with 500.
    func cryptography<T>(_ body: () throws(CryptoError) -> T) throws(IdentityRejection) -> T {
        do {
            return try body()
        } catch {
            throw IdentityRejection(.identityInternalFailure, "cryptography failed: \(error)")
        }
    }

    func hashPassword(_ password: String) throws(IdentityRejection) -> PasswordHash {
        try cryptography { () throws(CryptoError) in try passwordHasher.hash(password) }
    }

    private func checkRecordSize(_ company: Company) throws(IdentityRejection) {
        let limit = WireFormat.maximumMessageBytes - Self.envelopeHeadroomBytes
        let size: Int
        do {
            size = try WireFormat.encodeValue(company).count
        } catch {
            throw IdentityRejection(.identityLimitReached, "company record cannot be encoded: \(error.reason)")
        }
        guard size <= limit else {
            throw IdentityRejection(.identityLimitReached,
                                    "company record would be \(size) bytes, over the limit of \(limit) bytes")
        }
    }
}
