import Contracts

extension OrderRecord {
    /// The public read model of the order.
    var summary: OrderSummary {
        let summaryLines = zip(lines, lineStates).map { line, state in
            OrderSummary.Line(line, reservation: state.reservation, allocations: state.allocations)
        }
        let views = zip(subOrders, subOrderStates).map { subOrder, state in
            OrderSummary.SubOrderView(
                subOrder: subOrder.subOrder, supplier: subOrder.supplier, lines: subOrder.lines,
                totals: totals(of: subOrder.lines.compactMap { lineIndex(of: $0) }, amount: subOrder.total),
                status: state.status, shipment: state.shipment, deliveredAt: state.deliveredAt,
                cancellation: state.cancellation)
        }
        // Undecided steps wait only while the order does: after a rejection or the order's end
        // (cancelled, expired) nobody will decide them.
        let stillWaiting = status == .pendingApproval
        let approval = approvalSteps.enumerated().map { index, step in
            let decision = index < approvalDecisions.count ? approvalDecisions[index] : nil
            return OrderSummary.ApprovalProgress(
                role: step.role, rules: step.rules,
                decision: decision.map { $0.approved ? .approved : .rejected } ?? (stillWaiting ? .pending : .notReached),
                by: decision?.by, at: decision?.at, comment: decision?.comment)
        }
        return OrderSummary(
            order: order, buyer: buyer, status: status, statusReason: statusReason, placedBy: placedBy,
            placedAt: placedAt, updatedAt: updatedAt, idempotencyKey: idempotencyKey, poNumber: poNumber, note: note,
            deliveryAddress: deliveryAddress,
            payment: OrderSummary.Payment(method: paymentMethod, status: payment, reference: paymentReference,
                                          amount: paidAmount ?? total),
            lines: summaryLines, subOrders: views, totals: totals(of: Array(lines.indices), amount: total),
            approval: approval, deadline: deadline, history: history, returns: returns.map(\.view))
    }

    /// A row of a list of orders.
    var listItem: OrderListItem {
        OrderListItem(order: order, status: status, placedAt: placedAt, placedBy: placedBy, poNumber: poNumber,
                      total: total, lineCount: lines.count, subOrderCount: subOrders.count)
    }

    private func totals(of indices: [Int], amount: Money) -> OrderTotals {
        // Quantities are at most 1e9 per line and 1,000 lines: the sum cannot overflow.
        OrderTotals(lineCount: indices.count, quantity: indices.reduce(0) { $0 + lines[$1].quantity }, amount: amount)
    }
}
