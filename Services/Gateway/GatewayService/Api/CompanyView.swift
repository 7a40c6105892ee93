import Contracts
import Foundation
import GatewayCore

/// A company as the API shows it: never password hashes or API key secrets.
struct CompanyView: Encodable {
    struct UserView: Encodable {
        let id: UserID
        let username: String
        let displayName: String
        let roles: [String]
        let department: DepartmentID?
        let active: Bool
    }

    struct APIKeyView: Encodable {
        let id: APIKeyID
        let label: String
        let roles: [String]
        let createdAt: Date
        let revoked: Bool
    }

    let id: CompanyID
    let name: String
    let types: [String]
    let status: String
    let statusReason: String?
    let qualificationDocuments: [DocumentReference]
    let tier: String?
    let region: String?
    let departments: [Department]
    let users: [UserView]
    let apiKeys: [APIKeyView]
    let revision: Int
    let updatedAt: Date

    init(_ company: Company) {
        id = company.id
        name = company.name
        types = company.types.map(\.rawValue).sorted()
        status = company.status.rawValue
        statusReason = company.statusReason
        qualificationDocuments = company.qualificationDocuments
        tier = company.tier?.rawValue
        region = company.region
        departments = company.departments
        users = company.users.map {
            UserView(id: $0.id, username: $0.username, displayName: $0.displayName, roles: $0.roles.map(\.rawValue).sorted(),
                     department: $0.department, active: $0.active)
        }
        apiKeys = company.apiKeys.map {
            APIKeyView(id: $0.id, label: $0.label, roles: $0.roles.map(\.rawValue).sorted(), createdAt: $0.createdAt, revoked: $0.revoked)
        }
        revision = company.revision
        updatedAt = company.updatedAt
    }

    static let schema = Schema.object([
        .init("id", .string), .init("name", .string),
        .init("types", .array(.values(of: CompanyType.self))),
        .init("status", .values(of: CompanyStatus.self)),
        .init("statusReason", .string, required: false),
        .init("qualificationDocuments", .array(.object([.init("kind", .string), .init("ref", .string)]))),
        .init("tier", .values(of: CustomerTier.self), required: false),
        .init("region", .string, required: false),
        .init("departments", .array(.object([.init("id", .string), .init("name", .string), .init("parent", .string, required: false)]))),
        .init("users", .array(.object([.init("id", .string), .init("username", .string), .init("displayName", .string),
                                       .init("roles", .array(.string)), .init("department", .string, required: false),
                                       .init("active", .boolean)]))),
        .init("apiKeys", .array(.object([.init("id", .string), .init("label", .string), .init("roles", .array(.string)),
                                         .init("createdAt", .string(format: "date-time")), .init("revoked", .boolean)]))),
        .init("revision", .integer), .init("updatedAt", .string(format: "date-time")),
    ])
}
