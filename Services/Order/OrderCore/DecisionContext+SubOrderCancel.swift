import Contracts

/// Cancelling one supplier's part of a confirmed order before it ships (部分取消): the supplier
/// cannot deliver it, or the buyer no longer wants it (a supplier that never ships must not keep
/// the rest of the order, its payment and the buyer's credit open for ever).
///
/// - only a confirmed order's open sub-order, by its supplier, the buyer, or a platform operator
///   (the gateway vouches for `byPlatform`);
/// - its stock is given back (`stockReturn`), and on credit its part of the reserved credit
///   (`payment.release-credit`); the rest of the order goes on;
/// - when everything else is delivered already, the order completes now (`completion`: capture,
///   then the cancelled parts' value refunded);
/// - the last part still to come of an order of which nothing shipped: the whole order is
///   cancelled instead (its payment voided), as a buyer's cancellation would.
extension DecisionContext {
    func cancelSubOrder(_ command: CancelSubOrder) throws(Refusal) -> Verdict {
        let record = try record(command.order)
        try TextRules.require(command.reason, field: "reason", maximum: TextRules.reasonText)
        let index = try subOrderIndex(command.subOrder, in: record)
        let subOrder = record.subOrders[index]
        guard command.by == subOrder.supplier || command.by == buyer || command.byPlatform == true else {
            throw Refusal(.forbidden, field: "by",
                          "\(command.by) takes no part in sub-order \(subOrder.subOrder); only its supplier or the buyer cancels it")
        }
        guard record.status == .confirmed else {
            throw .state(record.status.isTerminal
                ? "order \(record.order) is \(record.status.rawValue); its sub-orders can no longer be cancelled"
                : "order \(record.order) is \(record.status.phrase); until it is confirmed only the buyer cancels it, whole")
        }
        switch record.subOrderStates[index].status {
        case .open: break
        case .shipped, .delivered:
            throw .state("sub-order \(subOrder.subOrder) has shipped; it can no longer be cancelled"
                + (command.by == buyer ? " (what arrived can be returned instead)" : ""))
        case .cancelled:
            throw .state("sub-order \(subOrder.subOrder) is already cancelled")
        }
        let reason = "sub-order \(subOrder.subOrder) cancelled by \(command.by): \(command.reason)"
        let stillToCome = record.subOrderStates.indices.filter { $0 != index && record.subOrderStates[$0].status != .cancelled }
        if stillToCome.isEmpty {
            return try cancel(CancelOrder(order: record.order, buyer: buyer, by: command.user, reason: reason))
        }
        let stock = stockReturn(of: subOrder.lines.compactMap { record.lineIndex(of: $0) }, in: record,
                                reason: "order \(record.order): \(reason)")
        var effects = Effects(
            events: [.subOrderCancelled(OrderSubOrderCancelled(
                commandId: commandId, order: record.order, buyer: buyer, at: now, subOrder: subOrder.subOrder,
                supplier: subOrder.supplier, by: command.by, user: command.user, reason: command.reason,
                amount: subOrder.total, released: stock.released))],
            outbox: stock.requests)
        if record.isSettledApart(from: index) {
            effects.append(completion(of: record, cancelling: index))
        } else if record.paymentMethod == .credit {
            // The buyer's credit for this part is free again now, not when the last part arrives.
            effects.outbox.append(.payment(.releaseCredit(ReleaseCreditRequest(
                order: record.order, payer: buyer, subOrders: [subOrder.subOrder], reason: reason))))
        }
        return .accept(effects)
    }
}
