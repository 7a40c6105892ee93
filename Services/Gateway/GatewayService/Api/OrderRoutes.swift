import CatalogCore
import Contracts
import Crypto
import Foundation
import GatewayCore
import HTTP

/// Orders: the gateway prices every line from its catalog replica (the price and the rule that
/// produced it are stored on the order), then the order service runs the saga and answers on this
/// instance's reply partition.
enum OrderRoutes {
    struct LineRequest: Decodable {
        let sku: String
        let quantity: Int64
        /// A distributor's shop (its company id) the line is bought from, at the shop's resale price.
        let shop: String?

        init(sku: String, quantity: Int64, shop: String? = nil) {
            self.sku = sku
            self.quantity = quantity
            self.shop = shop
        }

        init(from decoder: any Decoder) throws {
            try PriceFieldGuard.refusePrices(in: decoder)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            sku = try container.decode(String.self, forKey: .sku)
            quantity = try container.decode(Int64.self, forKey: .quantity)
            shop = try container.decodeIfPresent(String.self, forKey: .shop)
        }

        private enum CodingKeys: String, CodingKey { case sku, quantity, shop }
    }
    struct QuickRequest: Decodable {
        let csv: String
        let deliveryAddress: Address
        let paymentMethod: PaymentMethod
        let poNumber: String?
        let note: String?
    }
    struct ReorderRequest: Decodable { let paymentMethod: PaymentMethod? }
    struct PlaceRequest: Decodable {
        let lines: [LineRequest]
        let deliveryAddress: Address
        let paymentMethod: PaymentMethod
        let poNumber: String?
        let note: String?

        init(lines: [LineRequest], deliveryAddress: Address, paymentMethod: PaymentMethod, poNumber: String?, note: String?) {
            self.lines = lines
            self.deliveryAddress = deliveryAddress
            self.paymentMethod = paymentMethod
            self.poNumber = poNumber
            self.note = note
        }

        init(from decoder: any Decoder) throws {
            try PriceFieldGuard.refusePrices(in: decoder)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            lines = try container.decode([LineRequest].self, forKey: .lines)
            deliveryAddress = try container.decode(Address.self, forKey: .deliveryAddress)
            paymentMethod = try container.decode(PaymentMethod.self, forKey: .paymentMethod)
            poNumber = try container.decodeIfPresent(String.self, forKey: .poNumber)
            note = try container.decodeIfPresent(String.self, forKey: .note)
        }

        private enum CodingKeys: String, CodingKey { case lines, deliveryAddress, paymentMethod, poNumber, note }
    }
    struct CommentRequest: Decodable { let comment: String? }
    struct ReasonRequest: Decodable { let reason: String }
    struct RulesRequest: Decodable { let rules: [ApprovalRule] }

    static let maximumLines = 1_000

    static func install(on api: inout ApiRouter, context: ApiContext) {
        let orderPath = RouteDescriptor.Parameter("id", in: .path, .string, "order id")
        let orderResponse = RouteDescriptor.Response(200, "the order with its history", .ref("Order"))

        api.add(RouteDescriptor("POST", "/v1/orders", operationId: "placeOrder",
                                summary: "Place an order (up to 1,000 lines); Idempotency-Key makes retries return the same order",
                                tag: "orders", parameters: [.idempotencyKey],
                                requestBody: .ref("PlaceOrderRequest"),
                                responses: [.init(202, "accepted: the order, its status and history (Location names it; the saga goes on)", .ref("Order"))])) { request in
            let principal = try context.principal(request)
            let body = try request.body(PlaceRequest.self)
            return try await place(body, principal: principal, request: request, context: context)
        }

        api.add(RouteDescriptor("POST", "/v1/orders/quick", operationId: "quickOrder",
                                summary: "Quick order: paste 'SKU,quantity' (or 'SKU,quantity,shop') lines; every bad line is reported and nothing is placed until all are valid",
                                tag: "orders", parameters: [.idempotencyKey],
                                requestBody: .ref("QuickOrderRequest"),
                                responses: [.init(202, "accepted: the order", .ref("Order"))])) { request in
            let principal = try context.principal(request)
            let body = try request.body(QuickRequest.self)
            let (lines, numbers, problems) = QuickOrderCSV.parse(body.csv, maximumLines: maximumLines)
            if !problems.isEmpty { throw QuickOrderCSV.error(.badRequest, problems) }
            try context.authorize(principal, .placeOrder, owner: ResourceOwner(kind: "order", owner: principal.company))
            // Every line the catalog refuses, by its pasted line number; sold-out lines alone go on
            // to placement, which recognises a retried order that got in before the sell-out.
            let priced = try pricedEach(lines, for: principal, context: context)
            let unbuyable = QuickOrderCSV.problems(pricing: priced, numbers: numbers)
            if !unbuyable.isEmpty { throw QuickOrderCSV.error(.unprocessableEntity, unbuyable) }
            let place = PlaceRequest(lines: lines, deliveryAddress: body.deliveryAddress, paymentMethod: body.paymentMethod,
                                     poNumber: body.poNumber, note: body.note)
            return try await self.place(place, principal: principal, request: request, context: context, priced: priced)
        }

        api.add(RouteDescriptor("POST", "/v1/orders/{id}/reorder", operationId: "reorder",
                                summary: "Place a new order with the lines of a past one, at today's prices", tag: "orders",
                                parameters: [orderPath], requestBody: .object([.init("paymentMethod", .values(of: PaymentMethod.self), required: false)]),
                                requestBodyRequired: false,
                                responses: [.init(202, "accepted: the new order", .ref("Order"))])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .placeOrder, owner: ResourceOwner(kind: "order", owner: principal.company))
            let past = try orderID(request)
            let outcome = try await context.sendOrder(buyer: principal.company, correlation: request.correlationId) { address in
                .getOrder(GetOrder(order: past, buyer: principal.company, replyTo: address))
            }
            guard case let .order(summary) = outcome else { return try answer(outcome) }
            let method = request.body.isEmpty ? nil : try request.body(ReorderRequest.self).paymentMethod
            let place = PlaceRequest(lines: summary.lines.map { LineRequest(sku: $0.sku.rawValue, quantity: $0.quantity, shop: $0.distributor?.rawValue) },
                                     deliveryAddress: summary.deliveryAddress, paymentMethod: method ?? summary.payment.method,
                                     poNumber: nil, note: "reorder of \(past.rawValue)")
            return try await self.place(place, principal: principal, request: request, context: context)
        }

        api.add(RouteDescriptor("GET", "/v1/orders/{id}", operationId: "getOrder", summary: "One of the caller's orders with its history",
                                tag: "orders", parameters: [orderPath], responses: [orderResponse])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .viewOrders, owner: ResourceOwner(kind: "order", owner: principal.company))
            let order = try orderID(request)
            return try await answer(context.sendOrder(buyer: principal.company, correlation: request.correlationId) { address in
                .getOrder(GetOrder(order: order, buyer: principal.company, replyTo: address))
            })
        }

        api.add(RouteDescriptor("GET", "/v1/orders", operationId: "listOrders", summary: "The caller's orders, newest first",
                                tag: "orders", parameters: [.init("status", in: .query, .string), .init("before", in: .query, .string, "order id to page from"),
                                                            .init("limit", in: .query, .integer, "1...100")],
                                responses: [.init(200, "a page of orders", .ref("OrderPage"))])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .viewOrders, owner: ResourceOwner(kind: "order", owner: principal.company))
            let status = try request.choiceQuery("status", OrderStatus.self)
            let before = try request.query["before"].map { text -> OrderID in
                guard let id = try? OrderID(text) else { throw ApiError.invalid("before", "not an order id") }
                return id
            }
            let limit = Int(try request.intQuery("limit", default: 20, range: 1...100))
            let page = try await context.sendOrder(buyer: principal.company, correlation: request.correlationId) { address in
                .listOrders(ListOrders(buyer: principal.company, status: status, before: before, limit: limit, replyTo: address))
            }
            // An unknown cursor is a bad parameter of a list that exists, not a missing resource.
            if case let .rejected(code, message, field) = page, code == .orderNotFound {
                throw ApiError(.badRequest, RejectionCode.invalidField.rawValue, message, field: field ?? "before")
            }
            return try answer(page)
        }

        api.add(RouteDescriptor("POST", "/v1/orders/{id}/approve", operationId: "approveOrder", summary: "Approve a pending order's current step (approver, finance, company admin: the role the step needs)",
                                tag: "orders", parameters: [orderPath, .idempotencyKey], requestBody: .object([.init("comment", .string, required: false)]),
                                requestBodyRequired: false, responses: [orderResponse])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .approveOrder, owner: ResourceOwner(kind: "order", owner: principal.company))
            let comment = request.body.isEmpty ? nil : try request.body(CommentRequest.self).comment
            let (order, user) = (try orderID(request), try context.userID(principal))
            let roles = principal.roles.map(\.rawValue).sorted()
            let commandId = try context.commandID(request, by: principal, "approve", target: [order.rawValue])
            return try await answer(context.sendOrder(buyer: principal.company, correlation: request.correlationId,
                                                      commandId: commandId) { address in
                .approve(ApproveOrder(order: order, buyer: principal.company, approver: user, roles: roles, comment: comment, replyTo: address))
            })
        }

        api.add(RouteDescriptor("POST", "/v1/orders/{id}/reject", operationId: "rejectOrderApproval", summary: "Reject a pending order with a comment",
                                tag: "orders", parameters: [orderPath, .idempotencyKey], requestBody: .object([.init("comment", .string)]),
                                responses: [orderResponse])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .approveOrder, owner: ResourceOwner(kind: "order", owner: principal.company))
            guard let comment = try request.body(CommentRequest.self).comment, !comment.isEmpty else {
                throw ApiError.invalid("comment", "a comment saying why is required")
            }
            let (order, user) = (try orderID(request), try context.userID(principal))
            let roles = principal.roles.map(\.rawValue).sorted()
            let commandId = try context.commandID(request, by: principal, "reject", target: [order.rawValue])
            return try await answer(context.sendOrder(buyer: principal.company, correlation: request.correlationId,
                                                      commandId: commandId) { address in
                .rejectApproval(RejectOrderApproval(order: order, buyer: principal.company, approver: user, roles: roles,
                                                    comment: comment, replyTo: address))
            })
        }

        api.add(RouteDescriptor("POST", "/v1/orders/{id}/cancel", operationId: "cancelOrder",
                                summary: "Cancel an order before shipment; everything held is released", tag: "orders",
                                parameters: [orderPath, .idempotencyKey], requestBody: .object([.init("reason", .string)]), responses: [orderResponse])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .cancelOrders, owner: ResourceOwner(kind: "order", owner: principal.company))
            let reason = try request.body(ReasonRequest.self).reason
            let (order, user) = (try orderID(request), try context.userID(principal))
            let commandId = try context.commandID(request, by: principal, "cancel", target: [order.rawValue])
            return try await answer(context.sendOrder(buyer: principal.company, correlation: request.correlationId,
                                                      commandId: commandId) { address in
                .cancel(CancelOrder(order: order, buyer: principal.company, by: user, reason: reason, replyTo: address))
            })
        }

        api.add(RouteDescriptor("GET", "/v1/approval-rules", operationId: "getApprovalRules",
                                summary: "The caller's company approval rules in force (its buyers' users)", tag: "orders",
                                responses: [.init(200, "the rules in force", .object([.init("rules", .array(.ref("ApprovalRule")))]))])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .viewOrders, owner: ResourceOwner(kind: "company", owner: principal.company))
            guard principal.companyTypes.contains(.buyer) else {
                throw ApiError.forbidden("approval rules are a buying company's; \(principal.company) does not buy")
            }
            return try await answer(context.sendOrder(buyer: principal.company, correlation: request.correlationId) { address in
                .getApprovalRules(GetApprovalRules(buyer: principal.company, replyTo: address))
            })
        }

        api.add(RouteDescriptor("PUT", "/v1/approval-rules", operationId: "setApprovalRules",
                                summary: "The caller's company approval rules (a buyer's company admin)", tag: "orders",
                                requestBody: .object([.init("rules", .array(.ref("ApprovalRule")))]),
                                responses: [.init(200, "the rules in force", .object([.init("rules", .array(.ref("ApprovalRule")))]))])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .manageApprovalRules, owner: ResourceOwner(kind: "company", owner: principal.company))
            let rules = try request.body(RulesRequest.self).rules
            // A misspelt category would never apply, silently: it must be one the catalog has.
            let categories = context.state.catalogSnapshot().state.categories
            for (index, rule) in rules.enumerated() {
                if let category = rule.category, !category.isEmpty, categories.node(at: category) == nil {
                    throw ApiError.invalid("rules[\(index)].category",
                                           "the catalog has no category \(category.joined(separator: " > ")); see GET /v1/categories")
                }
            }
            return try await answer(context.sendOrder(buyer: principal.company, correlation: request.correlationId) { address in
                .setApprovalRules(SetApprovalRules(buyer: principal.company, rules: rules, replyTo: address))
            })
        }
    }

    /// Places an order for the caller: prices every line now (or takes `priced`, the lines already
    /// priced by the caller) and sends it to the buyer's partition.
    static func place(_ body: PlaceRequest, principal: Principal, request: HTTPRequest, context: ApiContext,
                      priced: [Result<PricedLine, any Error>]? = nil) async throws -> HTTPResponse {
        try context.authorize(principal, .placeOrder, owner: ResourceOwner(kind: "order", owner: principal.company))
        let key = try context.idempotencyKey(request)
        let order = try orderID(buyer: principal.company, idempotencyKey: key)
        let lines: [PricedLine]
        do {
            lines = try (priced ?? pricedEach(body.lines, for: principal, context: context)).map { try $0.get() }
        } catch let error as ApiError where error.code == "sold-out" && key != nil {
            // A client retrying an order that got in before the sell-out must get that order back,
            // not "sold out". Only an order inventory answered for a sold-out SKU, or one placed
            // lately through this instance, can be such an order: ask its partition about those
            // (most attempts are new keys, answered at once; see `DecidedReservations`).
            let soldOut = body.lines.compactMap { try? SKU($0.sku) }.filter { (context.state.onHand($0) ?? 1) <= 0 }
            guard soldOut.isEmpty || soldOut.contains(where: { context.state.mayHoldLine(of: $0, order: order) }) else { throw error }
            let existing = try await context.sendOrder(buyer: principal.company, correlation: request.correlationId) { address in
                .getOrder(GetOrder(order: order, buyer: principal.company, replyTo: address))
            }
            guard case let .order(summary) = existing else { throw error }
            return try retried(summary, asked: body, key: key ?? "")
        } catch let error as ApiError where key != nil && (error.status == .unprocessableEntity || error.status == .badRequest) {
            // The catalog changed since the order was placed (a SKU discontinued or delisted, a new
            // minimum): a retry of that order under its key still gets the order back.
            let existing = try? await context.sendOrder(buyer: principal.company, correlation: request.correlationId) { address in
                .getOrder(GetOrder(order: order, buyer: principal.company, replyTo: address))
            }
            guard case let .order(summary)? = existing else { throw error }
            return try retried(summary, asked: body, key: key ?? "")
        }
        let user = try context.userID(principal)
        if key != nil { context.state.placing(order) }
        return try await accepted(context.sendOrder(buyer: principal.company, correlation: request.correlationId) { address in
            .place(PlaceOrder(order: order, buyer: principal.company, placedBy: user, idempotencyKey: key, lines: lines,
                              deliveryAddress: body.deliveryAddress, paymentMethod: body.paymentMethod,
                              poNumber: body.poNumber, note: body.note, replyTo: address))
        })
    }

    /// The order placed under `key` answered again when `asked` is the same request (a retry that
    /// can no longer be priced); otherwise 422 `idempotency-key-reused`, as the order service
    /// answers a different request under a used key.
    static func retried(_ summary: OrderSummary, asked body: PlaceRequest, key: String) throws -> HTTPResponse {
        let lines = body.lines.map { line in
            (try? SKU(line.sku)).map { PlacementRequest.Line(sku: $0, quantity: line.quantity,
                                                             distributor: line.shop.flatMap { try? CompanyID($0) }) }
        }
        let asked = PlacementRequest(lines: lines.compactMap { $0 }, paymentMethod: body.paymentMethod,
                                     deliveryAddress: body.deliveryAddress, poNumber: body.poNumber, note: body.note)
        let difference = lines.contains { $0 == nil } ? "has other lines or quantities"
            : asked.difference(from: PlacementRequest(summary))
        if let difference {
            throw ApiError(.unprocessableEntity, RejectionCode.idempotencyKeyReused.rawValue,
                           PlacementRequest.keyReused(key, order: summary.order, difference: difference), field: "Idempotency-Key")
        }
        return try accepted(.order(summary))
    }

    /// With an Idempotency-Key the order id is derived from it, so a retry through any gateway
    /// instance names the same order, which the order service recognises.
    static func orderID(buyer: CompanyID, idempotencyKey: String?) throws -> OrderID {
        let seed = idempotencyKey.map { "\(buyer.rawValue)|\($0)" } ?? UUID().uuidString
        let digest = try Crypto.SHA256.hash(Array(seed.utf8))
        return try OrderID("O-\(Hex.encode(digest).prefix(20))")
    }

    static func orderID(_ request: HTTPRequest) throws -> OrderID {
        guard let id = try? OrderID(request.requiredPath("id")) else { throw ApiError.invalid("id", "not a valid order id") }
        return id
    }

    static func answer(_ outcome: OrderReply.Outcome, status: HTTPStatus = .ok) throws -> HTTPResponse {
        switch outcome {
        case let .order(summary): return json(summary, status: status)
        case let .orders(page): return json(page)
        case let .approvalRules(rules): return json(["rules": rules])
        case .subOrders: throw ApiError(.badGateway, "bad-reply", "order answered with a page of a desk")
        case let .rejected(code, message, field): throw ApiError(rejection: code, message: message, field: field)
        }
    }

    /// Throws the API's error for a refused command or query; returns for any other answer.
    static func throwIfRejected(_ outcome: OrderReply.Outcome) throws {
        if case let .rejected(code, message, field) = outcome { throw ApiError(rejection: code, message: message, field: field) }
    }

    /// A placed order is accepted, not finished: stock, approval and payment are decided after the
    /// answer, so it is `202` with the order's address to follow it at (or its events on Kafka).
    static func accepted(_ outcome: OrderReply.Outcome) throws -> HTTPResponse {
        var response = try answer(outcome, status: .accepted)
        if case let .order(summary) = outcome { response.headers.replaceOrAdd("Location", "/v1/orders/\(summary.order.rawValue)") }
        return response
    }
}

extension ApiContext {
    /// The signed-in person (orders record who placed and approved them); machines act as their key.
    func userID(_ principal: Principal) throws -> UserID {
        switch principal.subject {
        case let .user(id)?: return id
        case let .apiKey(key)?: return try UserID("apikey-\(key.rawValue)")
        case nil: throw ApiError.forbidden("this action needs a signed-in user or API key")
        }
    }
}
