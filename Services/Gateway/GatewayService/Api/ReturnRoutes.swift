import Contracts
import Crypto
import Foundation
import GatewayCore
import HTTP

/// Returns (RMA, 退货): the buyer asks per line with a reason; the supplier of those lines approves
/// (stock goes back, the value is refunded or credited) or rejects with a comment.
enum ReturnRoutes {
    struct LineRequest: Decodable { let sku: SKU; let quantity: Int64; let reason: String }
    struct ReturnRequest: Decodable { let lines: [LineRequest] }
    struct DecisionRequest: Decodable { let comment: String? }

    static func install(on api: inout ApiRouter, context: ApiContext) {
        let orderPath = RouteDescriptor.Parameter("id", in: .path, .string, "the order id")
        let returnPath = RouteDescriptor.Parameter("returnId", in: .path, .string, "the return id (from the request's answer)")
        let orderResponse = RouteDescriptor.Response(200, "the order with its returns", .ref("Order"))

        api.add(RouteDescriptor("POST", "/v1/orders/{id}/returns", operationId: "requestReturn",
                                summary: "Ask to return delivered units of a completed order, per line with a reason (one supplier per return)",
                                tag: "orders",
                                parameters: [orderPath, .init("Idempotency-Key", in: .header, .string, "retries with the same key ask once")],
                                requestBody: .ref("ReturnRequest"), responses: [orderResponse])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .requestReturns, owner: ResourceOwner(kind: "order", owner: principal.company))
            let body = try request.body(ReturnRequest.self)
            guard !body.lines.isEmpty else { throw ApiError.invalid("lines", "a return needs at least one line") }
            guard body.lines.count <= OrderRoutes.maximumLines else {
                throw ApiError.invalid("lines", "at most \(OrderRoutes.maximumLines) lines per return")
            }
            let (order, user) = (try OrderRoutes.orderID(request), try context.userID(principal))
            let returnId = try returnID(idempotencyKey: request.headers["Idempotency-Key"])
            let lines = body.lines.map { ReturnLine(sku: $0.sku, quantity: $0.quantity, reason: $0.reason) }
            return try await OrderRoutes.answer(context.sendOrder(buyer: principal.company, correlation: request.correlationId) { address in
                .requestReturn(RequestReturn(order: order, buyer: principal.company, returnId: returnId, lines: lines,
                                             requestedBy: user, replyTo: address))
            })
        }

        for decision in ReturnDecision.allCases {
            api.add(RouteDescriptor("POST", "/v1/orders/{id}/returns/{returnId}/\(decision.rawValue)",
                                    operationId: "\(decision.rawValue)Return",
                                    summary: decision == .approve
                                        ? "Approve a return (its supplier): stock goes back and the value is refunded or credited"
                                        : "Reject a return (its supplier) with a comment the buyer reads",
                                    tag: "orders",
                                    parameters: [orderPath, returnPath, .init("buyer", in: .query, .string, required: true)],
                                    requestBody: .object([.init("comment", .string, required: decision == .reject)]),
                                    requestBodyRequired: decision == .reject,
                                    responses: [.init(200, "the supplier's sub-order with the return decided", .ref("SubOrder"))])) { request in
                let principal = try context.principal(request)
                guard let buyer = try SubOrderRoutes.buyerParameter(request) else {
                    throw ApiError.invalid("buyer", "the buyer company id of the order is required")
                }
                try context.authorize(principal, .fulfillOrders,
                                      owner: ResourceOwner(kind: "order", owner: buyer, involved: [principal.company]))
                let comment = request.body.isEmpty ? nil : try request.body(DecisionRequest.self).comment
                let (order, returnId, user) = (try OrderRoutes.orderID(request), try request.requiredPath("returnId"),
                                               try context.userID(principal))
                // The supplier is answered with its sub-order, where the return now shows its decision.
                return try await SubOrderRoutes.subOrderAnswer(context.sendOrder(buyer: buyer, correlation: request.correlationId) { address in
                    .decideReturn(DecideReturn(order: order, buyer: buyer, returnId: returnId, decision: decision, by: principal.company,
                                               decidedBy: user, comment: comment, replyTo: address))
                }, principal: principal) { summary in
                    summary.returns.first { $0.returnId == returnId }.map { summary.order.subOrderId(supplier: $0.supplier) }
                }
            }
        }
    }

    /// The return id: from the Idempotency-Key (hashed, so any key fits the order's id rules and a
    /// retry names the same return), else fresh.
    static func returnID(idempotencyKey: String?) throws -> String {
        let seed = idempotencyKey ?? UUID().uuidString
        guard seed.utf8.count <= 256 else { throw ApiError.invalid("Idempotency-Key", "at most 256 characters") }
        return "R-" + Hex.encode(try Crypto.SHA256.hash(Array(seed.utf8))).prefix(20)
    }
}
