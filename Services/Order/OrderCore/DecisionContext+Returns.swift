import Contracts
import Foundation

/// Returns (RMA): the buyer asks per line with a reason, the supplier approves or rejects, an
/// approval puts the units back into the warehouses they were allocated from and refunds their
/// value at the order's unit prices.
///
/// One return per supplier: a request whose lines belong to several suppliers is refused (naming
/// the first line of another supplier), so each return has exactly one party deciding it and its
/// id stays the caller's (the gateway's `Idempotency-Key`).
extension DecisionContext {
    /// Return ids: 1...48 characters of the identifier alphabet, so the refund id
    /// "<order (≤ 64)>-R-return-<returnId>" stays within payment's 128 characters.
    static let maximumReturnIdLength = 48

    func requestReturn(_ command: RequestReturn) throws(Refusal) -> Verdict {
        let record = try record(command.order)
        try Self.checkReturnId(command.returnId)
        if let index = record.returnIndex(of: command.returnId) {
            guard record.returns[index].matches(command.lines) else {
                throw Refusal(.returnExists, field: "returnId",
                              "order \(record.order) already has a return \(command.returnId) with other lines; ask under a new return id")
            }
            return .alreadyHandled
        }
        try checkReturnable(record)
        if command.lines.isEmpty { throw .invalid("lines", "a return needs at least one line") }
        if command.lines.count > record.lines.count {
            throw Refusal(.limitExceeded, field: "lines",
                          "order \(record.order) has \(record.lines.count) line(s); a return has at most as many, got \(command.lines.count)")
        }
        var supplier: CompanyID?
        var firstOfSKU: [SKU: Int] = [:]
        var lines: [OrderReturnLine] = []
        var total: Int64 = 0
        for (position, requested) in command.lines.enumerated() {
            let field = "lines[\(position)]"
            guard let index = record.lines.firstIndex(where: { $0.sku == requested.sku }) else {
                throw Refusal(.orderNotFound, field: "\(field).sku", "order \(record.order) has no line with SKU \(requested.sku)")
            }
            if let first = firstOfSKU[requested.sku] {
                throw .invalid("\(field).sku", "SKU \(requested.sku) is already on line \(first + 1) of the return; return each SKU on one line")
            }
            firstOfSKU[requested.sku] = position
            let line = record.lines[index]
            if let part = record.subOrderIndex(of: line.subOrder), record.subOrderStates[part].status == .cancelled {
                throw .state("SKU \(requested.sku) was in sub-order \(line.subOrder), cancelled before it shipped; nothing of it can be returned")
            }
            if let supplier, line.supplier != supplier {
                throw .invalid("\(field).sku",
                               "SKU \(requested.sku) is supplied by \(line.supplier), the return's first line by \(supplier); ask for one return per supplier")
            }
            supplier = line.supplier
            try TextRules.require(requested.reason, field: "\(field).reason", maximum: TextRules.reasonText)
            try checkQuantity(requested, of: line, in: record, field: "\(field).quantity")
            // At most the line's units at its unit price: no larger than the line total, which fit.
            let amount = line.unitPrice.minorUnits * requested.quantity
            total += amount
            lines.append(OrderReturnLine(
                line: line.line, sku: line.sku, quantity: requested.quantity, reason: requested.reason,
                unitPrice: line.unitPrice, amount: Money(minorUnits: amount, currency: line.unitPrice.currency)))
        }
        guard let supplier else { throw .invalid("lines", "a return needs at least one line") }
        return .accept(Effects(events: [.returnRequested(OrderReturnRequested(
            commandId: commandId, order: record.order, buyer: buyer, at: now, returnId: command.returnId,
            supplier: supplier, requestedBy: command.requestedBy, lines: lines,
            amount: Money(minorUnits: total, currency: record.total.currency)))]))
    }

    /// The supplier approves or rejects a requested return. The same decision asked again answers
    /// the same (nothing new is sent); the opposite decision is refused.
    func decideReturn(_ command: DecideReturn) throws(Refusal) -> Verdict {
        let record = try record(command.order)
        guard let index = record.returnIndex(of: command.returnId) else {
            throw Refusal(.orderNotFound, field: "returnId", "order \(record.order) has no return \(command.returnId)")
        }
        let item = record.returns[index]
        guard item.supplier == command.by else {
            throw Refusal(.forbidden, field: "by",
                          "return \(item.returnId) of order \(record.order) is for supplier \(item.supplier); \(command.by) cannot decide it")
        }
        switch (item.status, command.decision) {
        case (.requested, _):
            break
        case (.rejected, .reject), (.approved, .approve), (.refunded, .approve), (.refundFailed, .approve):
            return .alreadyHandled
        case (.rejected, .approve), (.approved, .reject), (.refunded, .reject), (.refundFailed, .reject):
            let done = item.status == .rejected ? "rejected" : "approved"
            let when = item.decidedAt.map { " at \(WireFormat.timestampText($0))" } ?? ""
            throw .state("return \(item.returnId) of order \(record.order) was already \(done) by \(item.decidedBy.map(\.rawValue) ?? "\(item.supplier)")\(when); it cannot be \(command.decision == .approve ? "approved" : "rejected") any more")
        }
        switch command.decision {
        case .approve:
            try TextRules.optional(command.comment, field: "comment", maximum: TextRules.reasonText)
            return .accept(try approval(of: item, in: record, by: command))
        case .reject:
            guard let comment = command.comment else {
                throw .invalid("comment", "a rejected return needs a comment the buyer reads")
            }
            try TextRules.require(comment, field: "comment", maximum: TextRules.reasonText)
            return .accept(Effects(events: [.returnRejected(OrderReturnRejected(
                commandId: commandId, order: record.order, buyer: buyer, at: now, returnId: item.returnId,
                supplier: item.supplier, decidedBy: command.decidedBy, comment: comment))]))
        }
    }

    /// Payment's answer to a return's refund, or nil when the answer is about something else.
    ///
    /// `refunded` names its refund id. `rejected` does not: it is the answer to the oldest refund
    /// still waiting, because payment decides one payer's commands in order and its answers come
    /// back in order on the buyer's partition. While capture is still unanswered a rejection is
    /// the capture's (sent at completion, before any return could be approved), not a refund's.
    func returnRefundAnswer(_ outcome: PaymentResult.Outcome, of record: OrderRecord) throws(Refusal) -> Verdict? {
        switch outcome {
        case let .refunded(refund, amount):
            guard let item = record.returns.first(where: { $0.refund == refund }) else { return nil }
            if item.status == .refunded { return .alreadyHandled }
            guard amount == item.amount else {
                throw .invalid("outcome.amount", "refund \(refund) of return \(item.returnId) is for \(item.amount), not \(amount)")
            }
            return .accept(Effects(events: [.returnRefunded(OrderReturnRefunded(
                commandId: commandId, order: record.order, buyer: buyer, at: now, returnId: item.returnId,
                refund: refund, amount: amount))]))
        case let .rejected(code, reason):
            guard record.status == .completed, record.payment != .captureRequested,
                  let index = record.oldestRefundPending, let refund = record.returns[index].refund else { return nil }
            return .accept(Effects(events: [.returnRefundFailed(OrderReturnRefundFailed(
                commandId: commandId, order: record.order, buyer: buyer, at: now, returnId: record.returns[index].returnId,
                refund: refund, code: code, reason: reason))]))
        case .authorized, .awaitingPayment, .paid, .voided, .captured, .attemptFailed:
            return nil
        }
    }

    // MARK: - Checks

    private static func checkReturnId(_ returnId: String) throws(Refusal) {
        guard (1...maximumReturnIdLength).contains(returnId.count) else {
            throw .invalid("returnId", "returnId must be 1 to \(maximumReturnIdLength) characters, got \(returnId.count)")
        }
        let allowed = returnId.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", ".", "_", ":", "-": true
            default: false
            }
        }
        if !allowed {
            throw .invalid("returnId", "returnId may hold only letters A-Z a-z, digits and . _ : -, got \"\(returnId)\"")
        }
    }

    /// A return needs a completed order, inside the return window, with room for another return.
    private func checkReturnable(_ record: OrderRecord) throws(Refusal) {
        guard record.status == .completed, let completedAt = record.completedAt else {
            throw .state(record.status.isAbandoned
                ? "order \(record.order) was \(record.status.rawValue); nothing of it was delivered to return"
                : "order \(record.order) is \(record.status.phrase); only a completed order (every sub-order delivered) can be returned")
        }
        let closes = completedAt.addingTimeInterval(policy.returnWindow)
        guard now <= closes else {
            throw Refusal(.returnWindowClosed, field: nil,
                          "the return window of order \(record.order) closed at \(WireFormat.timestampText(closes)), \(Self.days(policy.returnWindow)) after it was completed")
        }
        if record.returns.count >= policy.maximumReturnsPerOrder {
            throw Refusal(.limitExceeded, field: "returnId",
                          "order \(record.order) already has \(record.returns.count) returns; at most \(policy.maximumReturnsPerOrder)")
        }
    }

    /// 1 up to what was delivered minus what other returns (requested or approved) already claim.
    private func checkQuantity(_ requested: ReturnLine, of line: OrderLine, in record: OrderRecord,
                               field: String) throws(Refusal) {
        guard requested.quantity > 0 else {
            throw .invalid(field, "quantity must be positive, got \(requested.quantity)")
        }
        let claimed = record.claimedByReturns(line.line)
        let returnable = line.quantity - claimed
        guard requested.quantity <= returnable else {
            let others = record.returns.filter { $0.claimed(of: line.line) > 0 }.map(\.returnId).joined(separator: ", ")
            let earlier = claimed == 0 ? "" : ", \(claimed) already in return(s) \(others)"
            throw .invalid(field, "SKU \(line.sku): \(line.quantity) delivered\(earlier); at most \(returnable) can be returned, got \(requested.quantity)")
        }
    }

    private static func days(_ interval: TimeInterval) -> String {
        let days = interval / 86_400
        return days == days.rounded() ? "\(Int(days)) day(s)" : "\(Int(interval / 3_600)) hour(s)"
    }

    // MARK: - Approval

    /// The approval: each returned line goes back to the warehouses its reservation was allocated
    /// from (in allocation order, never more into a warehouse than was taken from it across all
    /// returns), and the return's value is refunded.
    private func approval(of item: ReturnRecord, in record: OrderRecord, by command: DecideReturn) throws(Refusal) -> Effects {
        var restock: [ReturnRestock] = []
        for line in item.lines {
            guard let index = record.lineIndex(of: line.line) else {
                throw .state("return \(item.returnId) names line \(line.line), which order \(record.order) does not have")
            }
            var left = line.quantity
            for (warehouse, allocated) in Self.byWarehouse(record.lineStates[index].allocations) where left > 0 {
                let room = allocated - record.restocked(line.line, into: warehouse)
                guard room > 0 else { continue }
                let quantity = min(room, left)
                restock.append(ReturnRestock(line: line.line, sku: line.sku, warehouse: warehouse, quantity: quantity))
                left -= quantity
            }
            if left > 0 {
                throw .state("line \(line.line) of order \(record.order) has no warehouse allocation left to take back \(left) unit(s) of SKU \(line.sku)")
            }
        }
        let refund = item.amount.isPositive ? record.order.returnRefundId(item.returnId) : nil
        let reference = record.order.returnReference(item.returnId)
        var outbox: [Outbound] = restock.map { put in
            .inventory(.receiveStock(ReceiveStockRequest(
                sku: put.sku, warehouse: put.warehouse, quantity: put.quantity, reference: reference)))
        }
        if let refund {
            let units = item.lines.reduce(Int64(0)) { $0 + $1.quantity }
            outbox.append(.payment(.refund(RefundPaymentRequest(
                refund: refund, order: record.order, payer: buyer, amount: item.amount,
                reason: "return \(item.returnId) of order \(record.order) approved by \(item.supplier): \(units) unit(s) of \(item.lines.count) line(s)",
                replyKey: replyKey, lines: SettlementPlan.lines(returnedIn: item, of: record)))))
        }
        return Effects(
            events: [.returnApproved(OrderReturnApproved(
                commandId: commandId, order: record.order, buyer: buyer, at: now, returnId: item.returnId,
                supplier: item.supplier, decidedBy: command.decidedBy, comment: command.comment, restock: restock,
                refund: refund, amount: item.amount, settlement: ReturnSettlement(for: record.paymentMethod)))],
            outbox: outbox)
    }

    /// Allocated units per warehouse, in the order the warehouses first appear.
    private static func byWarehouse(_ allocations: [Allocation]) -> [(WarehouseID, Int64)] {
        var order: [WarehouseID] = []
        var sums: [WarehouseID: Int64] = [:]
        for allocation in allocations {
            if sums[allocation.warehouse] == nil { order.append(allocation.warehouse) }
            sums[allocation.warehouse, default: 0] += allocation.quantity
        }
        return order.map { ($0, sums[$0] ?? 0) }
    }
}
