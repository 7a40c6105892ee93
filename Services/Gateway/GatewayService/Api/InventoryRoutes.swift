import Contracts
import Foundation
import GatewayCore
import HTTP

/// Suppliers' stock: receipts, counted corrections, safety stock (low-stock alerts) and warehouse
/// regions. Each is a command to the inventory partition of the SKU. Receipts, corrections and
/// safety stock wait for inventory's answer (applied, with the stock after it, or refused and why);
/// warehouse regions, copied to every partition, are answered 202. The outcome is an event on
/// `inventory.events.v1` either way, which the stock view below follows within moments.
enum InventoryRoutes {
    struct Receipt: Decodable { let warehouse: WarehouseID; let quantity: Int64; let reference: String }
    struct Adjustment: Decodable { let warehouse: WarehouseID; let delta: Int64; let reason: String }
    struct SafetyStock: Decodable { let warehouse: WarehouseID?; let quantity: Int64 }
    struct Region: Decodable {
        let region: String
        /// Whose stock it steers: a supplier's own by default; platform operators name the supplier.
        let supplier: CompanyID?
    }
    struct Accepted: Encodable { let command: String; let status: String }
    struct Recorded: Encodable {
        let command: String
        let status: String
        let sku: String
        let warehouse: String?
        /// The warehouse's on hand after a receipt or adjustment.
        let onHand: Int64?
        let available: Int64?
    }

    /// Per command; the inventory decider re-checks and answers with a rejection event.
    static let maximumQuantity: Int64 = 1_000_000_000
    static let maximumTextLength = 200

    static func install(on api: inout ApiRouter, context: ApiContext) {
        let skuPath = RouteDescriptor.Parameter("sku", in: .path, .string, "the SKU")
        let accepted = RouteDescriptor.Response(202, "recorded; the outcome follows on inventory.events.v1", .ref("StockCommandAccepted"))
        let answered: [RouteDescriptor.Response] = [
            .init(200, "applied (status recorded), or a retry of a command handled before (status already-handled: its first answer said how)",
                  .ref("StockCommandRecorded")),
            .init(202, "sent, but inventory did not answer in time; the outcome follows on inventory.events.v1",
                  .ref("StockCommandAccepted")),
            .init(422, "refused by inventory; the error names the field and why (e.g. delta below what is on hand)"),
        ]

        api.add(RouteDescriptor("GET", "/v1/inventory/{sku}", operationId: "getStock",
                                summary: "A SKU's stock: on hand per warehouse, reserved, available (its supplier)",
                                tag: "inventory", parameters: [skuPath],
                                responses: [.init(200, "the stock", .ref("StockPosition")), .init(404, "no stock recorded")])) { request in
            let principal = try context.principal(request)
            let sku = try ownedSKU(request, principal: principal, action: .viewStock, context: context)
            guard let position = context.state.position(of: sku) else { throw ApiError.notFound("stock of \(sku)") }
            return json(position)
        }

        api.add(RouteDescriptor("POST", "/v1/inventory/{sku}/receipts", operationId: "receiveStock",
                                summary: "Goods arrived in a warehouse (ASN / purchase order received)", tag: "inventory",
                                parameters: [skuPath, .idempotencyKey], requestBody: .ref("StockReceipt"), responses: answered)) { request in
            let principal = try context.principal(request)
            let sku = try ownedSKU(request, principal: principal, action: .manageStock, context: context)
            let body = try request.body(Receipt.self)
            guard (1...maximumQuantity).contains(body.quantity) else { throw ApiError.invalid("quantity", "quantity must be 1...\(maximumQuantity)") }
            try requireText(body.reference, field: "reference")
            let id = try context.commandID(request, by: principal, "receive-stock", target: [sku.rawValue])
            return try await sendAnswered(id: id, request: request, context: context) { address in
                .receiveStock(ReceiveStock(sku: sku, warehouse: body.warehouse, quantity: body.quantity, reference: body.reference,
                                           replyTo: address))
            }
        }

        api.add(RouteDescriptor("POST", "/v1/inventory/{sku}/adjustments", operationId: "adjustStock",
                                summary: "Correct on-hand stock by a signed delta (stock count, damage); never below zero",
                                tag: "inventory", parameters: [skuPath, .idempotencyKey], requestBody: .ref("StockAdjustment"),
                                responses: answered)) { request in
            let principal = try context.principal(request)
            let sku = try ownedSKU(request, principal: principal, action: .manageStock, context: context)
            let body = try request.body(Adjustment.self)
            guard body.delta != 0, abs(body.delta) <= maximumQuantity else {
                throw ApiError.invalid("delta", "delta must be non-zero and at most \(maximumQuantity) either way")
            }
            try requireText(body.reason, field: "reason")
            let id = try context.commandID(request, by: principal, "adjust-stock", target: [sku.rawValue])
            return try await sendAnswered(id: id, request: request, context: context) { address in
                .adjustStock(AdjustStock(sku: sku, warehouse: body.warehouse, delta: body.delta, reason: body.reason, replyTo: address))
            }
        }

        api.add(RouteDescriptor("PUT", "/v1/inventory/{sku}/safety-stock", operationId: "setSafetyStock",
                                summary: "The level below which available stock raises a low-stock event (0 removes it)",
                                tag: "inventory", parameters: [skuPath], requestBody: .ref("SafetyStock"), responses: answered)) { request in
            let principal = try context.principal(request)
            let sku = try ownedSKU(request, principal: principal, action: .manageStock, context: context)
            let body = try request.body(SafetyStock.self)
            guard (0...maximumQuantity).contains(body.quantity) else { throw ApiError.invalid("quantity", "quantity must be 0...\(maximumQuantity)") }
            return try await sendAnswered(request: request, context: context) { address in
                .setSafetyStock(SetSafetyStock(sku: sku, warehouse: body.warehouse, quantity: body.quantity, replyTo: address))
            }
        }

        api.add(RouteDescriptor("PUT", "/v1/warehouses/{id}/region", operationId: "setWarehouseRegion",
                                summary: "The delivery region a warehouse serves (e.g. east-china); reservations prefer the buyer's region",
                                tag: "inventory", parameters: [.init("id", in: .path, .string, "the warehouse id")],
                                requestBody: .ref("WarehouseRegion"), responses: [accepted])) { request in
            let principal = try context.principal(request)
            guard let warehouse = try? WarehouseID(request.requiredPath("id")) else { throw ApiError.invalid("id", "not a warehouse id") }
            let body = try request.body(Region.self)
            let supplier = try regionSupplier(body.supplier, principal: principal, context: context)
            try context.authorize(principal, .manageStock, owner: ResourceOwner(kind: "warehouse regions of \(supplier)", owner: supplier))
            if let problem = SetWarehouseRegion.regionProblem(body.region) { throw ApiError.invalid("region", problem) }
            // Inventory copies it to every SKU partition (one writer each).
            return try await send(.setWarehouseRegion(SetWarehouseRegion(warehouse: warehouse, supplier: supplier, region: body.region)),
                                  key: "warehouse:\(warehouse.rawValue)", request: request, context: context)
        }
    }

    /// The SKU of the path, after checking the caller's company supplies it (or is the platform).
    static func ownedSKU(_ request: HTTPRequest, principal: Principal, action: AccessAction, context: ApiContext) throws -> SKU {
        guard let sku = try? SKU(request.requiredPath("sku")) else { throw ApiError.invalid("sku", "not a SKU") }
        // Also a SKU its product no longer sells: what is left of it is still the supplier's to count.
        guard let product = context.state.catalogSnapshot().state.records.product(holding: sku) else {
            throw ApiError.notFound("SKU \(sku)")
        }
        try context.authorize(principal, action, owner: ResourceOwner(kind: "stock of \(sku)", owner: product.supplier))
        return sku
    }

    /// Whose warehouse region a request sets. A region steers one supplier's reservations only (a
    /// warehouse id is nobody's: suppliers sharing a third-party warehouse name the same one), so a
    /// supplier sets its own; platform operators act for a supplier they name.
    static func regionSupplier(_ named: CompanyID?, principal: Principal, context: ApiContext) throws -> CompanyID {
        guard principal.isPlatformOperator else {
            if let named, named != principal.company {
                throw ApiError.forbidden("a supplier sets the regions of its own stock only; leave supplier out or name \(principal.company)")
            }
            return principal.company
        }
        guard let named else { throw ApiError.invalid("supplier", "platform operators name the supplier whose warehouse region this is") }
        guard let company = context.state.directory.withLock({ $0.company(named) }), company.types.contains(.supplier) else {
            throw ApiError.invalid("supplier", "\(named) is not a supplier on the platform")
        }
        return named
    }

    static func requireText(_ text: String, field: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= maximumTextLength else {
            throw ApiError.invalid(field, "\(field) is required, at most \(maximumTextLength) characters")
        }
    }

    /// Sends a stock command naming this instance's reply partition (under `id` when the client
    /// named it with an `Idempotency-Key`) and answers with inventory's outcome: 200 applied, 422
    /// refused naming the field. If inventory does not answer in time the command is still on its
    /// way, so the answer is 202 with its id, as for commands that are not waited for (a plain
    /// "retry" would count a receipt twice without a key).
    static func sendAnswered(id: MessageID? = nil, request: HTTPRequest, context: ApiContext,
                             _ make: @escaping @Sendable (ReplyAddress) -> InventoryCommand) async throws -> HTTPResponse {
        let id = id ?? MessageID.random()
        let reply: StockCommandReply
        do {
            reply = try await context.request(Topics.inventoryCommands, service: "inventory", correlation: request.correlationId,
                                              commandId: id, key: { $0.sku?.rawValue ?? "" }, make)
        } catch let error as ApiError where error.code == ApiError.timeoutCode {
            return json(Accepted(command: id.rawValue, status: "sent"), status: .accepted)
        }
        switch reply.outcome {
        case .recorded, .duplicate:
            return json(Recorded(command: reply.commandId.rawValue, status: reply.outcome == .recorded ? "recorded" : "already-handled",
                                 sku: reply.sku.rawValue, warehouse: reply.warehouse?.rawValue, onHand: reply.onHand,
                                 available: reply.available))
        case .rejected:
            throw ApiError(rejection: reply.code ?? .invalidField, message: reply.reason ?? "refused by inventory",
                           field: reply.field)
        }
    }

    /// Publishes `command` (under `id` when the client named it with an `Idempotency-Key`, so
    /// inventory skips a retry) and answers 202 with the command's id.
    static func send(_ command: InventoryCommand, id: MessageID? = nil, key: String? = nil, request: HTTPRequest,
                     context: ApiContext) async throws -> HTTPResponse {
        let id = id ?? MessageID.random()
        let envelope = Envelope(id: id, occurredAt: Date(), causationId: nil, correlationId: request.correlationId,
                                tenant: context.service.settings.tenant, key: key ?? command.sku?.rawValue ?? "", payload: command)
        try await context.service.publish(envelope, to: Topics.inventoryCommands, queueWait: context.settings.requestTimeout)
        return json(Accepted(command: id.rawValue, status: "recorded"), status: .accepted)
    }
}
