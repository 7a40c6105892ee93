import Contracts
import Foundation
import GatewayCore
import HTTP

/// A supplier's part of an order (its sub-order): read by that supplier (or a distributor of its
/// lines), shipped by its warehouse, confirmed delivered by the buyer, cancelled before shipping by
/// either (or by a platform operator settling a dispute). Orders live on the buyer's
/// partition, so the supplier names the buyer (`?buyer=`, in the links of its notifications).
enum SubOrderRoutes {
    struct ShipRequest: Decodable { let carrier: String; let trackingNumber: String }

    static func install(on api: inout ApiRouter, context: ApiContext) {
        let orderPath = RouteDescriptor.Parameter("id", in: .path, .string, "order id")
        let orderResponse = RouteDescriptor.Response(200, "the order with its history", .ref("Order"))

        api.add(RouteDescriptor("GET", "/v1/orders/{id}/sub-orders/{subOrder}", operationId: "getSubOrder",
                                summary: "One supplier's part of an order: its lines, the delivery address, shipment and returns (the buyer, that supplier, or a distributor of its lines)",
                                tag: "orders", parameters: [orderPath, .init("subOrder", in: .path),
                                                            .init("buyer", in: .query, .string, "the buyer company id (for suppliers and distributors)")],
                                responses: [.init(200, "the sub-order", .ref("SubOrder"))])) { request in
            let principal = try context.principal(request)
            let buyer = try buyerParameter(request) ?? principal.company
            try context.authorize(principal, .viewOrders, owner: ResourceOwner(kind: "order", owner: buyer, involved: [principal.company]))
            let (order, subOrder) = (try OrderRoutes.orderID(request), try request.requiredPath("subOrder"))
            let outcome = try await context.sendOrder(buyer: buyer, correlation: request.correlationId) { address in
                .getOrder(GetOrder(order: order, buyer: buyer, replyTo: address))
            }
            return try subOrderAnswer(outcome, principal: principal) { _ in subOrder }
        }

        api.add(RouteDescriptor("POST", "/v1/orders/{id}/sub-orders/{subOrder}/ship", operationId: "shipSubOrder",
                                summary: "Ship a supplier's sub-order with carrier and tracking number (that supplier only)", tag: "orders",
                                parameters: [orderPath, .init("subOrder", in: .path), .init("buyer", in: .query, .string, required: true), .idempotencyKey],
                                requestBody: .object([.init("carrier", .string), .init("trackingNumber", .string)]),
                                responses: [.init(200, "the shipped sub-order", .ref("SubOrder"))])) { request in
            let principal = try context.principal(request)
            guard let buyer = try buyerParameter(request) else {
                throw ApiError.invalid("buyer", "the buyer company id of the order is required")
            }
            try context.authorize(principal, .fulfillOrders,
                                  owner: ResourceOwner(kind: "order", owner: buyer, involved: [principal.company]))
            let body = try request.body(ShipRequest.self)
            let (order, subOrder) = (try OrderRoutes.orderID(request), try request.requiredPath("subOrder"))
            return json(try await ship(subOrder, of: order, buyer: buyer, carrier: body.carrier, trackingNumber: body.trackingNumber,
                                       principal: principal, request: request, context: context))
        }

        api.add(RouteDescriptor("POST", "/v1/orders/{id}/sub-orders/{subOrder}/cancel", operationId: "cancelSubOrder",
                                summary: "Cancel one supplier's part of a confirmed order before it ships (that supplier or a platform operator, naming ?buyer=, or the buyer); its stock is given back and its value not charged, the rest of the order goes on",
                                tag: "orders",
                                parameters: [orderPath, .init("subOrder", in: .path),
                                             .init("buyer", in: .query, .string, "the buyer company id (for the supplier)"), .idempotencyKey],
                                requestBody: .object([.init("reason", .string)]),
                                responses: [.init(200, "the order (to the buyer) or the cancelled sub-order (to its supplier)", .ref("Order"))])) { request in
            let principal = try context.principal(request)
            guard let buyer = try buyerParameter(request) ?? (principal.companyTypes.contains(.buyer) ? principal.company : nil) else {
                let who = principal.isPlatformOperator ? "an operator" : "a supplier"
                throw ApiError.invalid("buyer", "\(who) names the buyer company of the order: ?buyer=<company id>")
            }
            let byBuyer = buyer == principal.company
            if byBuyer {
                try context.authorize(principal, .cancelOrders, owner: ResourceOwner(kind: "order", owner: buyer))
            } else {
                try context.authorize(principal, .fulfillOrders, owner: ResourceOwner(kind: "order", owner: buyer, involved: [principal.company]))
            }
            let reason = try request.body(OrderRoutes.ReasonRequest.self).reason
            let (order, subOrder) = (try OrderRoutes.orderID(request), try request.requiredPath("subOrder"))
            let user = try context.userID(principal)
            let commandId = try context.commandID(request, by: principal, "cancel-sub-order", target: [order.rawValue, subOrder])
            let outcome = try await context.sendOrder(buyer: buyer, correlation: request.correlationId, commandId: commandId) { address in
                .cancelSubOrder(CancelSubOrder(order: order, buyer: buyer, subOrder: subOrder, by: principal.company, user: user,
                                               reason: reason, replyTo: address,
                                               byPlatform: principal.isPlatformOperator ? true : nil))
            }
            return byBuyer ? try OrderRoutes.answer(outcome) : try subOrderAnswer(outcome, principal: principal) { _ in subOrder }
        }

        api.add(RouteDescriptor("POST", "/v1/orders/{id}/sub-orders/{subOrder}/confirm-delivery", operationId: "confirmDelivery",
                                summary: "Confirm a sub-order arrived (buyer); when all arrived the order completes and is settled",
                                tag: "orders", parameters: [orderPath, .init("subOrder", in: .path), .idempotencyKey], responses: [orderResponse])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .confirmDeliveries, owner: ResourceOwner(kind: "order", owner: principal.company))
            let (order, subOrder) = (try OrderRoutes.orderID(request), try request.requiredPath("subOrder"))
            let commandId = try context.commandID(request, by: principal, "confirm-delivery", target: [order.rawValue, subOrder])
            return try await OrderRoutes.answer(context.sendOrder(buyer: principal.company, correlation: request.correlationId,
                                                      commandId: commandId) { address in
                .confirmDelivery(ConfirmDelivery(order: order, buyer: principal.company, subOrder: subOrder, replyTo: address))
            })
        }
    }

    /// `?buyer=`: whose partition holds the order, for the suppliers and distributors acting on it.
    static func buyerParameter(_ request: HTTPRequest) throws -> CompanyID? {
        try request.companyQuery("buyer")
    }

    /// Ships one sub-order (the single ship route and each shipment of a batch): its command id
    /// comes from the request's `Idempotency-Key` and the sub-order, so a retry ships nothing twice.
    static func ship(_ subOrder: String, of order: OrderID, buyer: CompanyID, carrier: String, trackingNumber: String,
                     principal: Principal, request: HTTPRequest, context: ApiContext) async throws -> SubOrderDetail {
        let commandId = try context.commandID(request, by: principal, "ship", target: [order.rawValue, subOrder])
        let outcome = try await context.sendOrder(buyer: buyer, correlation: request.correlationId, commandId: commandId) { address in
            .ship(ShipSubOrder(order: order, buyer: buyer, subOrder: subOrder, carrier: carrier, trackingNumber: trackingNumber,
                               by: principal.company, replyTo: address))
        }
        return try detail(outcome, principal: principal) { _ in subOrder }
    }

    /// A supplier's or distributor's answer: its part of the order (`SubOrderDetail`), never the
    /// buyer's whole order. "Not found" when the caller takes no part in that sub-order.
    static func subOrderAnswer(_ outcome: OrderReply.Outcome, principal: Principal,
                               subOrder: (OrderSummary) -> String?) throws -> HTTPResponse {
        guard case .order = outcome else { return try OrderRoutes.answer(outcome) }
        return json(try detail(outcome, principal: principal, subOrder: subOrder))
    }

    /// The sub-order of an answered order as the caller may see it; a rejection as its `ApiError`.
    static func detail(_ outcome: OrderReply.Outcome, principal: Principal,
                       subOrder: (OrderSummary) -> String?) throws -> SubOrderDetail {
        guard case let .order(summary) = outcome else {
            try OrderRoutes.throwIfRejected(outcome)
            throw ApiError(.badGateway, "bad-reply", "order answered with something other than the order")
        }
        func view(_ id: String) -> SubOrderDetail? {
            SubOrderDetail(summary, subOrder: id, viewer: principal.company, seesEverything: principal.isPlatformOperator)
        }
        guard let id = subOrder(summary), let detail = view(id) else {
            // A company that takes no part in the order hears what it would of an order that does
            // not exist: the answer must not tell it that the order is there.
            guard summary.subOrders.contains(where: { view($0.subOrder) != nil }) else {
                throw ApiError(.notFound, RejectionCode.orderNotFound.rawValue,
                               "buyer \(summary.buyer.rawValue) has no order \(summary.order.rawValue)", field: "order")
            }
            throw ApiError(.notFound, RejectionCode.orderNotFound.rawValue,
                           "order \(summary.order.rawValue) has no such sub-order of company \(principal.company.rawValue)",
                           field: "subOrder")
        }
        return detail
    }
}
