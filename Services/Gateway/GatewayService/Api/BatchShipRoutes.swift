import Contracts
import Foundation
import GatewayCore
import HTTP

/// Batch shipping (批量发货): a warehouse ships a page of its desk in one request. Each shipment
/// is the same command as `POST /v1/orders/{id}/sub-orders/{subOrder}/ship`, sent to its buyer's
/// partition, and answered on its own: one refused shipment does not hold back the others.
enum BatchShipRoutes {
    struct Shipment: Decodable {
        let order: OrderID
        let buyer: CompanyID
        let subOrder: String
        let carrier: String
        let trackingNumber: String
    }
    struct BatchRequest: Decodable { let shipments: [Shipment] }

    struct Failure: Encodable {
        let code: String
        let message: String
        let field: String?
    }
    struct Result: Encodable {
        let order: OrderID
        let subOrder: String
        /// The HTTP status the single ship request would have answered.
        let status: Int
        let shipped: SubOrderDetail?
        let error: Failure?
    }
    struct Answer: Encodable {
        let shipped: Int
        let failed: Int
        let results: [Result]
    }

    /// Shipments per request: a busy warehouse's morning in a few requests.
    static let maximumShipments = 100
    /// Shipments in flight at once, so one batch does not take every pending-reply slot of the gateway.
    static let concurrentShipments = 16

    static func install(on api: inout ApiRouter, context: ApiContext) {
        let shipment = Schema.object([
            .init("order", .string), .init("buyer", .string), .init("subOrder", .string),
            .init("carrier", .string), .init("trackingNumber", .string),
        ])
        api.add(RouteDescriptor("POST", "/v1/sub-orders/ship", operationId: "shipSubOrders",
                                summary: "Ship up to \(maximumShipments) sub-orders in one request (that supplier's warehouse); each is answered on its own",
                                tag: "orders", parameters: [.idempotencyKey],
                                requestBody: .object([.init("shipments", .array(shipment, maxItems: maximumShipments))]),
                                responses: [.init(200, "each shipment's outcome", .ref("ShipmentResults"))])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .fulfillOrders, owner: ResourceOwner(kind: "order", owner: principal.company))
            let shipments = try request.body(BatchRequest.self).shipments
            guard (1...maximumShipments).contains(shipments.count) else {
                throw ApiError.invalid("shipments", "send 1...\(maximumShipments) shipments per request, got \(shipments.count)")
            }
            var seen: Set<String> = []
            for (index, item) in shipments.enumerated() where !seen.insert("\(item.order.rawValue)|\(item.subOrder)").inserted {
                throw ApiError.invalid("shipments[\(index)].subOrder", "sub-order \(item.subOrder) is shipped twice in this request")
            }
            // A malformed Idempotency-Key is the request's fault, not each shipment's.
            _ = try context.idempotencyKey(request)
            let results = await withTaskGroup(of: (Int, Result).self) { group in
                var results = [Result?](repeating: nil, count: shipments.count)
                var next = 0
                func startNext() {
                    guard next < shipments.count else { return }
                    let index = next
                    next += 1
                    group.addTask { (index, await ship(shipments[index], principal: principal, request: request, context: context)) }
                }
                for _ in 0..<concurrentShipments { startNext() }
                for await (index, result) in group {
                    results[index] = result
                    startNext()
                }
                return results.compactMap { $0 }
            }
            let shipped = results.filter { $0.shipped != nil }.count
            return json(Answer(shipped: shipped, failed: results.count - shipped, results: results))
        }
    }

    /// One shipment as the single ship route does it (the same command ids: a retried batch, or a
    /// single retry of one of its shipments, ships nothing twice), its failure kept as its result.
    static func ship(_ item: Shipment, principal: Principal, request: HTTPRequest, context: ApiContext) async -> Result {
        do {
            let detail = try await SubOrderRoutes.ship(item.subOrder, of: item.order, buyer: item.buyer, carrier: item.carrier,
                                                       trackingNumber: item.trackingNumber, principal: principal,
                                                       request: request, context: context)
            return Result(order: item.order, subOrder: item.subOrder, status: 200, shipped: detail, error: nil)
        } catch {
            let answer = ApiError(answering: error)
            return Result(order: item.order, subOrder: item.subOrder, status: answer.status.code, shipped: nil,
                          error: Failure(code: answer.code, message: answer.message, field: answer.field))
        }
    }
}
