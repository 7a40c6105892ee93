import Contracts
import Foundation
import GatewayCore

/// The demo world's companies and people: a platform operator, two suppliers (one also a
/// distributor), a distributor, and three buyer companies of different tiers and regions.
enum DemoCompanies {
    static let password = "tradeflow-demo-2026"

    struct Person: Codable, Sendable {
        let username: String
        let password: String
        let company: CompanyID
        let companyName: String
        let roles: [String]
    }

    struct Spec {
        let name: String
        let types: Set<CompanyType>
        let admin: String
        let tier: CustomerTier?
        let region: String?
        let users: [(String, Set<Role>)]
    }

    static let specs: [Spec] = [
        Spec(name: "华东茶业 East China Tea Co.", types: [.supplier], admin: "tea.admin", tier: nil, region: "east-china",
             users: [("tea.catalog", [.catalogManager]), ("tea.warehouse", [.warehouse]), ("tea.finance", [.finance])]),
        Spec(name: "旭日食品 Sunrise Foods", types: [.supplier, .distributor], admin: "sunrise.admin", tier: nil, region: "south-china",
             users: [("sunrise.catalog", [.catalogManager]), ("sunrise.warehouse", [.warehouse])]),
        Spec(name: "优选商城 Youxuan Mall", types: [.distributor], admin: "youxuan.admin", tier: nil, region: "east-china",
             users: [("youxuan.catalog", [.catalogManager])]),
        Spec(name: "上海都市经销 Metro Dealers Shanghai", types: [.buyer], admin: "metro.admin", tier: .gold, region: "east-china",
             users: [("metro.buyer", [.purchaser]), ("metro.approver", [.approver]), ("metro.finance", [.finance])]),
        Spec(name: "成都批发 Chengdu Wholesale", types: [.buyer], admin: "chengdu.admin", tier: .silver, region: "south-west",
             users: [("chengdu.buyer", [.purchaser]), ("chengdu.approver", [.approver])]),
        Spec(name: "北京超市集团 Beijing Supermarket Group", types: [.buyer], admin: "beijing.admin", tier: .standard, region: "north-china",
             users: [("beijing.buyer", [.purchaser]), ("beijing.finance", [.finance])]),
    ]

    /// Builds every company with the identity decider (as the system), so the records are exactly
    /// what the gateway itself would write: hashed passwords, revisions, validation.
    static func build(now: Date) throws -> (companies: [Company], people: [Person]) {
        let decider = IdentityDecider()
        var directory = Directory()
        var people: [Person] = []
        func accept(_ command: IdentityCommand, by actor: IdentityActor = .system) throws -> Company {
            switch decider.decide(command, by: actor, in: directory, now: now) {
            case let .accepted(company, _):
                _ = directory.apply(company)
                return company
            case let .rejected(_, message, field):
                throw DemoError(message: "demo identity: \(command): \(message) (\(field ?? "-"))")
            }
        }
        let platform = try accept(.bootstrapPlatformOperator(PlatformBootstrap(
            companyID: CompanyID("tradeflow-platform"), name: "Tradeflow 平台运营", adminUsername: "operator",
            adminPassword: password, adminDisplayName: "Platform Operator")))
        people.append(Person(username: "operator", password: password, company: platform.id, companyName: platform.name,
                             roles: ["company-admin", "operator"]))
        _ = try accept(.addUser(company: platform.id, NewUser(username: "platform.finance", password: password,
                                                              displayName: "Platform Finance", roles: [.operator, .finance])))
        people.append(Person(username: "platform.finance", password: password, company: platform.id, companyName: platform.name,
                             roles: ["finance", "operator"]))
        for spec in specs {
            var company = try accept(.applyForOnboarding(OnboardingApplication(
                name: spec.name, types: spec.types, adminUsername: spec.admin, adminPassword: password,
                adminDisplayName: spec.admin, documents: [DocumentReference(kind: "business-license", ref: "demo://licenses/\(spec.admin)")],
                region: spec.region)), by: .anonymous)
            company = try accept(.approve(company: company.id))
            if let tier = spec.tier { company = try accept(.setBuyerTier(company: company.id, tier: tier)) }
            people.append(Person(username: spec.admin, password: password, company: company.id, companyName: spec.name,
                                 roles: ["company-admin"]))
            for (username, roles) in spec.users {
                company = try accept(.addUser(company: company.id, NewUser(username: username, password: password,
                                                                          displayName: username, roles: roles)))
                people.append(Person(username: username, password: password, company: company.id, companyName: spec.name,
                                     roles: roles.map(\.rawValue).sorted()))
            }
        }
        return (directory.companies.values.sorted { $0.id < $1.id }, people)
    }
}

struct DemoError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
