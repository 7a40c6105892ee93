import Contracts
import Foundation
import GatewayCore
import HTTP

/// Onboarding, approval, users and API keys. The gateway owns identity: it decides against its
/// replica and publishes the company's complete new state to `identity.events.v1`.
enum CompanyRoutes {
    struct OnboardingRequest: Decodable {
        struct Admin: Decodable { let username: String; let password: String; let displayName: String? }
        let name: String
        let types: [CompanyType]
        let admin: Admin
        let documents: [DocumentReference]?
        let region: String?
    }
    struct RejectRequest: Decodable { let reason: String }
    struct NewUserRequest: Decodable {
        let username: String
        let password: String
        let displayName: String?
        let roles: [Role]
        let department: DepartmentID?
    }
    struct NewAPIKeyRequest: Decodable { let label: String; let roles: [Role] }
    struct DepartmentRequest: Decodable { let name: String; let parent: DepartmentID? }
    struct RolesRequest: Decodable { let roles: [Role] }
    /// Each field: left out, it stays as it is; null clears it (a PUT of one field must not wipe
    /// the other, which a buyer's quotes depend on).
    struct PricingProfileRequest: Decodable {
        let tier: CustomerTier??
        let region: String??

        private enum CodingKeys: String, CodingKey { case tier, region }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            tier = container.contains(.tier) ? .some(try container.decodeIfPresent(CustomerTier.self, forKey: .tier)) : nil
            region = container.contains(.region) ? .some(try container.decodeIfPresent(String.self, forKey: .region)) : nil
        }
    }
    struct NewAPIKeyResponse: Encodable { let apiKey: String; let company: CompanyView }

    static func install(on api: inout ApiRouter, context: ApiContext) {
        let companyPath = RouteDescriptor.Parameter("id", in: .path, .string, "company id")

        api.add(RouteDescriptor("POST", "/v1/companies", operationId: "applyForOnboarding",
                                summary: "Apply to join the platform (a platform operator approves or rejects)", tag: "companies",
                                access: .anonymous, requestBody: .ref("OnboardingRequest"),
                                responses: [.init(202, "application recorded, status pending", .ref("Company"))])) { request in
            try context.rateLimit(key: "onboarding-from:\(request.remoteAddress.split(separator: ":").first ?? "")")
            let body = try request.body(OnboardingRequest.self)
            let application = OnboardingApplication(name: body.name, types: Set(body.types), adminUsername: body.admin.username,
                                                    adminPassword: body.admin.password,
                                                    adminDisplayName: body.admin.displayName ?? body.admin.username,
                                                    documents: body.documents ?? [], region: body.region)
            return try await apply(.applyForOnboarding(application), by: .anonymous, request: request, context: context, status: .accepted)
        }

        api.add(RouteDescriptor("GET", "/v1/companies", operationId: "listCompanies",
                                summary: "Companies the caller may see (operators: all, filterable by status)", tag: "companies",
                                parameters: [.init("status", in: .query, .values(of: CompanyStatus.self))],
                                responses: [.init(200, "companies", .array(.ref("Company")))])) { request in
            let principal = try context.principal(request)
            let status = try request.choiceQuery("status", CompanyStatus.self)
            let companies = context.state.directory.withLock { $0.companies.values }
                .filter { principal.isPlatformOperator || $0.id == principal.company }
                .filter { status == nil || $0.status == status }
                .sorted { $0.id < $1.id }
            return json(companies.map(CompanyView.init))
        }

        api.add(RouteDescriptor("GET", "/v1/companies/{id}", operationId: "getCompany", summary: "One company", tag: "companies",
                                parameters: [companyPath], responses: [.init(200, "the company", .ref("Company"))])) { request in
            let principal = try context.principal(request)
            let company = try visibleCompany(request, principal, context)
            return json(CompanyView(company))
        }

        api.add(RouteDescriptor("POST", "/v1/companies/{id}/approve", operationId: "approveCompany",
                                summary: "Approve an application (platform operator)", tag: "companies", parameters: [companyPath],
                                responses: [.init(200, "approved", .ref("Company"))])) { request in
            let principal = try context.principal(request)
            let id = try companyID(request)
            return try await apply(.approve(company: id), by: .principal(principal), request: request, context: context)
        }

        api.add(RouteDescriptor("POST", "/v1/companies/{id}/reject", operationId: "rejectCompany",
                                summary: "Reject an application with a reason (platform operator)", tag: "companies",
                                parameters: [companyPath], requestBody: .object([.init("reason", .string)]),
                                responses: [.init(200, "rejected", .ref("Company"))])) { request in
            let principal = try context.principal(request)
            let body = try request.body(RejectRequest.self)
            return try await apply(.reject(company: try companyID(request), reason: body.reason), by: .principal(principal),
                                   request: request, context: context)
        }

        api.add(RouteDescriptor("POST", "/v1/companies/{id}/users", operationId: "addUser",
                                summary: "Add a user to the company (company admin)", tag: "companies", parameters: [companyPath],
                                requestBody: .ref("NewUserRequest"), responses: [.init(201, "user added", .ref("Company"))])) { request in
            let principal = try context.principal(request)
            let body = try request.body(NewUserRequest.self)
            let user = NewUser(username: body.username, password: body.password, displayName: body.displayName ?? body.username,
                               roles: Set(body.roles), department: body.department)
            return try await apply(.addUser(company: try companyID(request), user), by: .principal(principal), request: request,
                                   context: context, status: .created)
        }

        api.add(RouteDescriptor("POST", "/v1/companies/{id}/api-keys", operationId: "createAPIKey",
                                summary: "Create an API key for a machine (ERP, WMS); the secret is shown once", tag: "companies",
                                parameters: [companyPath], requestBody: .object([.init("label", .string), .init("roles", .array(.string))]),
                                responses: [.init(201, "the key, shown only now",
                                                  .object([.init("apiKey", .string), .init("company", .ref("Company"))]))])) { request in
            let principal = try context.principal(request)
            let body = try request.body(NewAPIKeyRequest.self)
            let decision = try decide(.createAPIKey(company: try companyID(request), label: body.label, roles: Set(body.roles)),
                                      by: .principal(principal), context: context)
            guard case let .accepted(company, secret) = decision, let secret else { throw rejection(decision) }
            try await context.publish(company, correlation: request.correlationId)
            return json(NewAPIKeyResponse(apiKey: secret, company: CompanyView(company)), status: .created)
        }

        let userPath = RouteDescriptor.Parameter("userId", in: .path, .string, "user id")
        api.add(RouteDescriptor("PUT", "/v1/companies/{id}/users/{userId}/roles", operationId: "setUserRoles",
                                summary: "Replace a user's roles (company admin)", tag: "companies", parameters: [companyPath, userPath],
                                requestBody: .object([.init("roles", .array(.string))]),
                                responses: [.init(200, "updated", .ref("Company"))])) { request in
            let principal = try context.principal(request)
            let body = try request.body(RolesRequest.self)
            return try await apply(.setRoles(company: try companyID(request), user: try userID(request), roles: Set(body.roles)),
                                   by: .principal(principal), request: request, context: context)
        }

        api.add(RouteDescriptor("POST", "/v1/companies/{id}/users/{userId}/deactivate", operationId: "deactivateUser",
                                summary: "Deactivate a user; their tokens stop working at once (company admin)", tag: "companies",
                                parameters: [companyPath, userPath], responses: [.init(200, "deactivated", .ref("Company"))])) { request in
            let principal = try context.principal(request)
            return try await apply(.deactivateUser(company: try companyID(request), user: try userID(request)),
                                   by: .principal(principal), request: request, context: context)
        }

        api.add(RouteDescriptor("POST", "/v1/companies/{id}/departments", operationId: "addDepartment",
                                summary: "Add a department (sub-account) under the company or a parent department (company admin)",
                                tag: "companies", parameters: [companyPath],
                                requestBody: .object([.init("name", .string), .init("parent", .string, required: false)]),
                                responses: [.init(201, "added", .ref("Company"))])) { request in
            let principal = try context.principal(request)
            let body = try request.body(DepartmentRequest.self)
            return try await apply(.addDepartment(company: try companyID(request), name: body.name, parent: body.parent),
                                   by: .principal(principal), request: request, context: context, status: .created)
        }

        api.add(RouteDescriptor("POST", "/v1/companies/{id}/api-keys/{keyId}/revoke", operationId: "revokeAPIKey",
                                summary: "Revoke an API key; it stops working at once (company admin)", tag: "companies",
                                parameters: [companyPath, .init("keyId", in: .path, .string, "API key id")],
                                responses: [.init(200, "revoked", .ref("Company"))])) { request in
            let principal = try context.principal(request)
            guard let key = try? APIKeyID(request.requiredPath("keyId")) else { throw ApiError.invalid("keyId", "not a valid API key id") }
            return try await apply(.revokeAPIKey(company: try companyID(request), key: key), by: .principal(principal),
                                   request: request, context: context)
        }

        api.add(RouteDescriptor("PUT", "/v1/companies/{id}/pricing-profile", operationId: "setPricingProfile",
                                summary: "Set a buyer's customer tier and/or region (platform operator); a field left out stays, null clears it",
                                tag: "companies", parameters: [companyPath],
                                requestBody: .object([.init("tier", .values(of: CustomerTier.self), required: false),
                                                      .init("region", .string, required: false)]),
                                responses: [.init(200, "updated", .ref("Company"))])) { request in
            let principal = try context.principal(request)
            let body = try request.body(PricingProfileRequest.self)
            let id = try companyID(request)
            var commands: [IdentityCommand] = []
            if let tier = body.tier { commands.append(.setBuyerTier(company: id, tier: tier)) }
            if let region = body.region { commands.append(.setRegion(company: id, region: region)) }
            guard let last = commands.popLast() else {
                throw ApiError.invalid("tier", "send tier, region or both (null clears one)")
            }
            for command in commands { _ = try await apply(command, by: .principal(principal), request: request, context: context) }
            return try await apply(last, by: .principal(principal), request: request, context: context)
        }
    }

    // MARK: helpers

    static func companyID(_ request: HTTPRequest) throws -> CompanyID {
        guard let id = try? CompanyID(request.requiredPath("id")) else { throw ApiError.invalid("id", "not a valid company id") }
        return id
    }

    static func userID(_ request: HTTPRequest) throws -> UserID {
        guard let id = try? UserID(request.requiredPath("userId")) else { throw ApiError.invalid("userId", "not a valid user id") }
        return id
    }

    static func visibleCompany(_ request: HTTPRequest, _ principal: Principal, _ context: ApiContext) throws -> Company {
        let id = try companyID(request)
        guard principal.isPlatformOperator || principal.company == id else {
            throw ApiError.forbidden("company \(id) belongs to another company")
        }
        guard let company = context.state.directory.withLock({ $0.company(id) }) else { throw ApiError.notFound("company \(id)") }
        return company
    }

    static func decide(_ command: IdentityCommand, by actor: IdentityActor, context: ApiContext) throws -> IdentityDecision {
        let directory = context.state.directory.withLock { $0 }
        return context.identity.decide(command, by: actor, in: directory, now: Date())
    }

    static func rejection(_ decision: IdentityDecision) -> ApiError {
        if case let .rejected(code, message, field) = decision { return ApiError(rejection: code, message: message, field: field) }
        return ApiError(.internalServerError, "internal", "unexpected identity decision")
    }

    static func apply(_ command: IdentityCommand, by actor: IdentityActor, request: HTTPRequest, context: ApiContext,
                      status: HTTPStatus = .ok) async throws -> HTTPResponse {
        let decision = try decide(command, by: actor, context: context)
        guard case let .accepted(company, _) = decision else { throw rejection(decision) }
        try await context.publish(company, correlation: request.correlationId)
        return json(CompanyView(company), status: status)
    }

    static let schemas: [String: Schema] = [
        "Company": CompanyView.schema,
        "OnboardingRequest": .object([
            .init("name", .string), .init("types", .array(.enumeration(["supplier", "distributor", "buyer"]))),
            .init("admin", .object([.init("username", .string), .init("password", .string),
                                    .init("displayName", .string, required: false)])),
            .init("documents", .array(.object([.init("kind", .string), .init("ref", .string)])), required: false),
            .init("region", .string, required: false),
        ]),
        "NewUserRequest": .object([
            .init("username", .string), .init("password", .string), .init("displayName", .string, required: false),
            .init("roles", .array(.enumeration(["company-admin", "purchaser", "approver", "finance", "warehouse", "catalog-manager", "operator"]))),
            .init("department", .string, required: false),
        ]),
    ]
}
