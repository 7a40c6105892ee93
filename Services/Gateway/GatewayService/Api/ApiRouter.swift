import Contracts
import GatewayCore
import HTTP

/// The route table: every route is added with its OpenAPI description, so the router and
/// `/v1/openapi.json` are built from the same list.
struct ApiRouter {
    private(set) var router = Router()
    private(set) var routes: [RouteDescriptor] = []

    mutating func add(_ route: RouteDescriptor, _ handler: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse) {
        routes.append(route)
        router.on(HTTPMethod(rawValue: route.method), route.path) { request in
            await handle { try await handler(request) }
        }
    }
}

extension RejectionCode {
    /// The HTTP status for a service's rejection of a command.
    var httpStatus: HTTPStatus {
        switch self {
        case .forbidden, .accessDenied: .forbidden
        case .unknownProduct, .unknownSKU, .companyNotFound, .userNotFound, .apiKeyNotFound, .departmentNotFound: .notFound
        case .revisionConflict, .duplicateSKU, .usernameTaken, .departmentExists, .platformOperatorExists: .conflict
        case .webhookNotFound, .notificationNotFound, .deliveryNotFound, .orderNotFound: .notFound
        case .webhookExists, .webhookLimitReached: .conflict
        case .invalidField, .unknownEventType: .badRequest
        default: .unprocessableEntity
        }
    }
}

extension ApiError {
    init(rejection code: RejectionCode, message: String, field: String?) {
        self.init(code.httpStatus, code.rawValue, message, field: field)
    }
}
