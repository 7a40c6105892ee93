import Contracts
import Foundation

extension DecisionContext {
    /// Places an order: validates it, splits it per supplier, totals it and applies the buyer's
    /// approval rules; then asks for approval, or starts reserving stock (one `reserve-stock` per
    /// line). The same idempotency key of the same buyer answers with the existing order, when the
    /// request is the same one again (prices may have moved since; what was asked for may not).
    func place(_ command: PlaceOrder) throws(Refusal) -> Verdict {
        if let key = command.idempotencyKey {
            try TextRules.require(key, field: "idempotencyKey", maximum: TextRules.identifierText)
            if let existing = state.order(forIdempotencyKey: key, buyer: buyer) {
                if let record = state.orders[existing], let difference = record.difference(from: command) {
                    throw Refusal(.idempotencyKeyReused, field: "Idempotency-Key",
                                  PlacementRequest.keyReused(key, order: existing, difference: difference))
                }
                return .accept(Effects(replyOrder: existing))
            }
        }
        if let existing = state.orders[command.order] {
            if existing.buyer == buyer, existing.placedByCommand == commandId { return .alreadyHandled }
            throw Refusal(.orderExists, field: "order", "order id \(command.order) is already taken; place the order under a new id")
        }
        if command.order.rawValue.count > TextRules.orderIdLength {
            throw .invalid("order", "order id must be at most \(TextRules.orderIdLength) characters, got \(command.order.rawValue.count)")
        }
        let draft = try OrderDraft(order: command.order, lines: command.lines, policy: policy)
        try validateDetails(command)

        let steps = ApprovalEvaluation.steps(rules: state.approvalRules(of: buyer), lines: draft.lines, total: draft.total)
        let placed = OrderPlaced(
            commandId: commandId, order: command.order, buyer: buyer, at: now, placedBy: command.placedBy,
            status: steps.isEmpty ? .reservingStock : .pendingApproval, idempotencyKey: command.idempotencyKey,
            poNumber: command.poNumber, note: command.note, deliveryAddress: command.deliveryAddress,
            paymentMethod: command.paymentMethod, lines: draft.lines, subOrders: draft.subOrders, total: draft.total,
            paymentDueBy: steps.isEmpty ? deadline(after: policy.paymentTimeout) : nil)
        try checkSize(placed)

        var effects = Effects(events: [.placed(placed)])
        if steps.isEmpty {
            effects.outbox = reserveRequests(for: OrderRecord(placed: placed))
        } else {
            effects.events.append(.approvalRequested(OrderApprovalRequested(
                commandId: commandId, order: command.order, buyer: buyer, at: now, steps: steps,
                dueBy: deadline(after: policy.approvalTimeout))))
        }
        return .accept(effects)
    }

    private func validateDetails(_ command: PlaceOrder) throws(Refusal) {
        let address = command.deliveryAddress
        try TextRules.require(address.name, field: "deliveryAddress.name", maximum: TextRules.shortText)
        try TextRules.require(address.phone, field: "deliveryAddress.phone", maximum: 32)
        try TextRules.require(address.region, field: "deliveryAddress.region", maximum: TextRules.shortText)
        try TextRules.require(address.city, field: "deliveryAddress.city", maximum: TextRules.shortText)
        try TextRules.require(address.street, field: "deliveryAddress.street", maximum: TextRules.ruleDescription)
        try TextRules.optional(address.postcode, field: "deliveryAddress.postcode", maximum: 16)
        try TextRules.optional(command.poNumber, field: "poNumber", maximum: 64)
        try TextRules.optional(command.note, field: "note", maximum: TextRules.noteText)
    }

    /// Refuses an order whose `order.placed` would not leave room for its read model in a message.
    private func checkSize(_ placed: OrderPlaced) throws(Refusal) {
        let size: Int
        do {
            size = try WireFormat.encodeValue(placed).count
        } catch let .tooLarge(bytes, _) {
            size = bytes
        } catch {
            throw Refusal(.invalidField, field: "lines", "the order cannot be encoded: \(error.reason)")
        }
        if size > OrderDecider.maximumPlacedOrderBytes {
            throw Refusal(.limitExceeded, field: "lines",
                          "the order takes \(size) bytes; at most \(OrderDecider.maximumPlacedOrderBytes) fit, so split it into several orders")
        }
    }
}
