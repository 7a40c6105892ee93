import Contracts
import GatewayCore
import HTTP
import Runtime

/// `GET /v1/openapi.json`: the OpenAPI 3.1 document of every route in the table.
enum DocsRoutes {
    static var schemas: [String: Schema] {
        var all: [String: Schema] = [:]
        for group in [AuthRoutes.schemas, CompanyRoutes.schemas, CatalogSchemas.all, CatalogCommandRoutes.schemas, ShopRoutes.schemas, OrderSchemas.all,
                      PaymentSchemas.all, InventorySchemas.all, AnalyticsSchemas.all, NotificationSchemas.all] {
            all.merge(group) { first, _ in first }
        }
        return all
    }

    static func install(on api: inout ApiRouter) {
        let descriptor = RouteDescriptor("GET", "/v1/openapi.json", operationId: "openAPI", summary: "This document",
                                         tag: "docs", access: .anonymous, responses: [.init(200, "OpenAPI 3.1")])
        // The document includes itself, so it is built after the route is added.
        let document = Locked<[UInt8]>([])
        api.add(descriptor) { _ in
            var response = HTTPResponse(status: .ok, body: document.withLock { $0 })
            response.headers.replaceOrAdd("Content-Type", "application/json")
            return response
        }
        let built = OpenAPIDocument.build(title: "Tradeflow API", version: "1.0.0", routes: api.routes, schemas: schemas)
        document.withLock { $0 = (try? WireFormat.encodeValue(built)) ?? [] }
    }
}
