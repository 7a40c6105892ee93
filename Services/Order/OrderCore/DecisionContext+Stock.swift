import Contracts

extension DecisionContext {
    /// Records inventory's answer for one line.
    ///
    /// While the order reserves stock: a reserved line is recorded, and the last one triggers
    /// payment authorization (settlement lines per sub-order); a refused line rejects the order and
    /// releases every line already reserved. After the order ended (rejected, cancelled, expired):
    /// a late reservation is released at once, a late refusal only recorded. A line already
    /// resolved is a duplicate.
    func recordReservation(_ result: StockReservationResult) throws(Refusal) -> Verdict {
        let record = try record(result.order)
        guard let index = record.lineIndex(of: result.reservation) else {
            throw Refusal(.orderNotFound, field: "reservation", "order \(record.order) has no line \(result.reservation)")
        }
        let line = record.lines[index]
        guard line.sku == result.sku else {
            throw .invalid("sku", "reservation \(line.line) is for SKU \(line.sku), not \(result.sku)")
        }
        switch record.lineStates[index].reservation {
        case .unrequested:
            throw .state("line \(line.line) of order \(record.order) was never sent to inventory (the order is \(record.status.phrase))")
        case .reserved, .unavailable, .released, .committed:
            return .alreadyHandled
        case .requested:
            break
        }
        switch result.outcome {
        case let .reserved(allocations):
            return .accept(try reserved(line, allocations: allocations, in: record))
        case let .rejected(code, available, reason):
            return .accept(unavailable(line, code: code, available: available, reason: reason, in: record))
        }
    }

    private func reserved(_ line: OrderLine, allocations: [Allocation], in record: OrderRecord) throws(Refusal) -> Effects {
        if let bad = allocations.firstIndex(where: { $0.quantity <= 0 }) {
            throw .invalid("outcome.allocations[\(bad)].quantity", "allocated quantity must be positive, got \(allocations[bad].quantity)")
        }
        let allocated = allocations.reduce(Int64(0)) { $0.addingReportingOverflow($1.quantity).partialValue }
        guard allocated == line.quantity else {
            throw .invalid("outcome.allocations", "allocations add up to \(allocated) but line \(line.line) ordered \(line.quantity)")
        }
        var effects = Effects(events: [.lineReserved(OrderLineReserved(
            commandId: commandId, order: record.order, buyer: buyer, at: now, line: line.line,
            reservation: line.line, sku: line.sku, quantity: line.quantity, allocations: allocations))])
        if record.status.isAbandoned {
            let reason = "order \(record.order) was \(record.status.rawValue) before this reservation arrived"
            effects.events.append(.reservationReleased(OrderReservationReleased(
                commandId: commandId, order: record.order, buyer: buyer, at: now, line: line.line,
                reservation: line.line, sku: line.sku, quantity: line.quantity, reason: reason)))
            effects.outbox = [releaseRequest(line, of: record.order, reason: reason)]
            return effects
        }
        let othersWaiting = record.lineStates.indices.contains { index in
            record.lines[index].line != line.line && record.lineStates[index].reservation != .reserved
        }
        if record.status == .reservingStock, !othersWaiting {
            effects.events.append(.stockReserved(OrderStockReserved(
                commandId: commandId, order: record.order, buyer: buyer, at: now, amount: record.total,
                paymentMethod: record.paymentMethod)))
            effects.outbox = [.payment(.authorize(AuthorizePaymentRequest(
                order: record.order, payer: buyer, amount: record.total, method: record.paymentMethod,
                settlement: SettlementPlan.lines(of: record), replyKey: replyKey)))]
        }
        return effects
    }

    private func unavailable(_ line: OrderLine, code: RejectionCode, available: Int64, reason: String,
                             in record: OrderRecord) -> Effects {
        var effects = Effects(events: [.lineReservationFailed(OrderLineReservationFailed(
            commandId: commandId, order: record.order, buyer: buyer, at: now, line: line.line,
            reservation: line.line, sku: line.sku, quantity: line.quantity, code: code, available: available,
            reason: reason))])
        guard record.status == .reservingStock else { return effects }
        let readable = "SKU \(line.sku) (line \(line.line)) cannot be reserved: \(available) available, \(line.quantity) ordered (\(code): \(reason))"
        let released = record.lines(in: .reserved)
        effects.events.append(.rejected(OrderRejected(
            commandId: commandId, order: record.order, buyer: buyer, at: now, code: code, reason: readable,
            sku: line.sku, available: available, released: released)))
        effects.outbox = released.compactMap { record.lineIndex(of: $0) }.map { index in
            releaseRequest(record.lines[index], of: record.order,
                           reason: "order \(record.order) rejected: SKU \(line.sku) is short")
        }
        return effects
    }
}
