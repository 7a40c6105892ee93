import Contracts

extension DecisionContext {
    /// A supplier ships its sub-order of a confirmed order. Commits the sub-order's reservations
    /// when the policy commits stock at shipment.
    func ship(_ command: ShipSubOrder) throws(Refusal) -> Verdict {
        let record = try record(command.order)
        // Whose part it is comes first: another company learns nothing of the order's state or parties.
        let index = try subOrderIndex(command.subOrder, in: record)
        let subOrder = record.subOrders[index]
        guard subOrder.supplier == command.by else {
            throw Refusal(.forbidden, field: "by",
                          "\(command.by) does not supply sub-order \(subOrder.subOrder); only its supplier ships it")
        }
        guard record.status == .confirmed else {
            throw .state(record.status == .completed || record.status.isAbandoned
                ? "order \(record.order) is \(record.status.rawValue); nothing can ship any more"
                : "order \(record.order) is \(record.status.phrase); it cannot ship before it is confirmed")
        }
        if record.subOrderStates[index].status == .cancelled {
            throw .state("sub-order \(subOrder.subOrder) was cancelled; do not ship it")
        }
        if let shipment = record.subOrderStates[index].shipment {
            throw .state("sub-order \(subOrder.subOrder) already shipped via \(shipment.carrier), tracking \(shipment.trackingNumber)")
        }
        try TextRules.require(command.carrier, field: "carrier", maximum: TextRules.shortText)
        try TextRules.require(command.trackingNumber, field: "trackingNumber", maximum: TextRules.shortText)
        let committed = policy.commitStockAt == .shipment
            ? subOrder.lines.filter { id in record.lineIndex(of: id).map { record.lineStates[$0].reservation == .reserved } ?? false }
            : []
        return .accept(Effects(
            events: [.subOrderShipped(OrderSubOrderShipped(
                commandId: commandId, order: record.order, buyer: buyer, at: now, subOrder: subOrder.subOrder,
                supplier: subOrder.supplier, carrier: command.carrier, trackingNumber: command.trackingNumber,
                committed: committed))],
            outbox: commitRequests(committed, of: record)))
    }

    /// A shipped sub-order arrived; the last one completes the order and captures the payment.
    func confirmDelivery(_ command: ConfirmDelivery) throws(Refusal) -> Verdict {
        let record = try record(command.order)
        guard record.status == .confirmed else {
            throw .state(record.status == .completed
                ? "order \(record.order) is already completed"
                : "order \(record.order) is \(record.status.phrase); nothing of it was shipped to deliver")
        }
        let index = try subOrderIndex(command.subOrder, in: record)
        switch record.subOrderStates[index].status {
        case .open: throw .state("sub-order \(command.subOrder) has not shipped yet; it cannot be delivered")
        case .delivered: throw .state("sub-order \(command.subOrder) is already delivered")
        case .cancelled: throw .state("sub-order \(command.subOrder) was cancelled; nothing of it was shipped to deliver")
        case .shipped: break
        }
        var effects = Effects(events: [.subOrderDelivered(OrderSubOrderDelivered(
            commandId: commandId, order: record.order, buyer: buyer, at: now, subOrder: command.subOrder,
            supplier: record.subOrders[index].supplier))])
        if record.isSettledApart(from: index) { effects.append(completion(of: record, cancelling: nil)) }
        return .accept(effects)
    }

    /// Completes an order whose every sub-order is delivered or cancelled (`cancelling`: the one
    /// being cancelled now): payment captures the order, then gives back the cancelled parts' value,
    /// reversing only their split. Capturing whole and refunding keeps one capture per order, and
    /// the refund reduces a credit invoice before the buyer owes it.
    func completion(of record: OrderRecord, cancelling: Int?) -> Effects {
        var effects = Effects(
            events: [.completed(OrderCompleted(commandId: commandId, order: record.order, buyer: buyer, at: now,
                                               amount: record.total))],
            outbox: [.payment(.capture(CapturePaymentRequest(order: record.order, payer: buyer, replyKey: replyKey)))])
        let cancelled = record.subOrders.indices
            .filter { $0 == cancelling || record.subOrderStates[$0].status == .cancelled }
            .map { record.subOrders[$0] }
        let amount = cancelled.reduce(Int64(0)) { $0 + $1.total.minorUnits }
        if amount > 0 {
            let names = cancelled.map(\.subOrder).joined(separator: ", ")
            effects.outbox.append(.payment(.refund(RefundPaymentRequest(
                refund: record.order.cancelledSubOrdersRefundId, order: record.order, payer: buyer,
                amount: Money(minorUnits: amount, currency: record.total.currency),
                reason: "sub-order(s) \(names) of order \(record.order) cancelled before shipping", replyKey: replyKey,
                lines: SettlementPlan.lines(ofSubOrders: Set(cancelled.map(\.subOrder)), of: record)))))
        }
        return effects
    }

    func subOrderIndex(_ subOrder: String, in record: OrderRecord) throws(Refusal) -> Int {
        guard let index = record.subOrderIndex(of: subOrder) else {
            // An id far longer than any sub-order id is not echoed whole into the answer.
            let named = subOrder.count <= TextRules.identifierText * 2 ? subOrder : "(an id of \(subOrder.count) characters)"
            throw Refusal(.orderNotFound, field: "subOrder", "order \(record.order) has no sub-order \(named)")
        }
        return index
    }
}
