import Contracts
import Foundation
import GatewayCore
import Testing

/// Helpers for the identity tests: a directory that grows as decisions are accepted, and a
/// cheap password hasher (1,000 iterations instead of the production 260,000).
enum IdentityTest {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18
    static let fastHasher = PasswordHasher(iterations: 1_000)
    static let password = "correct horse battery"
    static let issuer = "https://api.tradeflow.test"
    static let audience = "tradeflow-api"

    static func id<Tag>(_ raw: String) -> Identifier<Tag> {
        guard let id = Identifier<Tag>(validating: raw) else { fatalError("invalid test id \(raw)") }
        return id
    }

    static func key(_ id: String, byte: UInt8) -> SigningKey {
        do {
            return try SigningKey(id: id, secret: [UInt8](repeating: byte, count: 32))
        } catch {
            fatalError("test key: \(error)")
        }
    }

    static func tokens(current: SigningKey = key("k1", byte: 1), previous: [SigningKey] = []) -> TokenService {
        do {
            return try TokenService(currentKey: current, previousKeys: previous)
        } catch {
            fatalError("test token service: \(error)")
        }
    }

    static func authenticator(tokens: TokenService = tokens()) -> Authenticator {
        Authenticator(passwordHasher: fastHasher, tokens: tokens, issuer: issuer, audience: audience)
    }
}

/// A platform in miniature: decisions are applied to the directory as the gateway's replica would.
struct IdentityWorld {
    var directory = Directory()
    var decider = IdentityDecider(passwordHasher: IdentityTest.fastHasher)
    var now = IdentityTest.start

    /// Decides and, when accepted, applies the company to the directory.
    @discardableResult
    mutating func run(_ command: IdentityCommand, by actor: IdentityActor) -> IdentityDecision {
        let decision = decider.decide(command, by: actor, in: directory, now: now)
        if let company = decision.company { directory.apply(company) }
        now += 1
        return decision
    }

    /// Runs a command that must be accepted; returns the new company state.
    @discardableResult
    mutating func accept(_ command: IdentityCommand, by actor: IdentityActor,
                         sourceLocation: SourceLocation = #_sourceLocation) -> Company {
        let decision = run(command, by: actor)
        guard let company = decision.company else {
            Issue.record("expected acceptance of \(command), got \(decision)", sourceLocation: sourceLocation)
            fatalError("cannot continue")
        }
        return company
    }

    /// The platform operator's company with admin "root" (company-admin + operator).
    @discardableResult
    mutating func bootstrapOperator() -> Company {
        accept(.bootstrapPlatformOperator(PlatformBootstrap(
            companyID: IdentityTest.id("tradeflow"), name: "Tradeflow Platform", adminUsername: "root",
            adminPassword: IdentityTest.password, adminDisplayName: "Platform Root")), by: .system)
    }

    /// A company that applied and was approved by the operator; its admin is `admin`.
    @discardableResult
    mutating func approvedCompany(_ name: String, types: Set<CompanyType>, admin: String) -> Company {
        let applied = accept(.applyForOnboarding(application(name, types: types, admin: admin)), by: .anonymous)
        return accept(.approve(company: applied.id), by: .system)
    }

    func application(_ name: String, types: Set<CompanyType>, admin: String,
                     password: String = IdentityTest.password) -> OnboardingApplication {
        OnboardingApplication(name: name, types: types, adminUsername: admin, adminPassword: password,
                              adminDisplayName: "Admin of \(name)",
                              documents: [DocumentReference(kind: "business-license", ref: "s3://docs/\(admin).pdf")],
                              region: "east-china")
    }

    /// The principal of a signed-in user, as `Authenticator.principal(for:in:)` would resolve it.
    func principal(_ username: String) -> Principal {
        guard let entry = directory.user(named: username) else { fatalError("no user \(username)") }
        return Principal(company: entry.company.id, companyTypes: entry.company.types, roles: entry.user.roles,
                         subject: .user(entry.user.id))
    }

    func actor(_ username: String) -> IdentityActor { .principal(principal(username)) }

    func company(_ id: CompanyID) -> Company {
        guard let company = directory.company(id) else { fatalError("no company \(id)") }
        return company
    }

    func user(_ username: String) -> CompanyUser {
        guard let entry = directory.user(named: username) else { fatalError("no user \(username)") }
        return entry.user
    }
}

extension IdentityDecision {
    var rejectionCode: RejectionCode? {
        if case let .rejected(code, _, _) = self { return code }
        return nil
    }

    var rejectionMessage: String? {
        if case let .rejected(_, message, _) = self { return message }
        return nil
    }

    var rejectionField: String? {
        if case let .rejected(_, _, field) = self { return field }
        return nil
    }

    var issuedKey: String? {
        if case let .accepted(_, key) = self { return key }
        return nil
    }
}
