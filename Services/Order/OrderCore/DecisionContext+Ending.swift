import Contracts
import Foundation

extension DecisionContext {
    /// Cancels an order before any of it shipped: releases what is reserved (or committed) and
    /// voids the authorization (money that arrived is owed back to the buyer).
    func cancel(_ command: CancelOrder) throws(Refusal) -> Verdict {
        let record = try record(command.order)
        try TextRules.require(command.reason, field: "reason", maximum: TextRules.reasonText)
        if record.status.isTerminal {
            throw .state(record.status.isAbandoned
                ? "order \(record.order) is already \(record.status.rawValue)"
                : "order \(record.order) is \(record.status.phrase); it can no longer be cancelled")
        }
        if let shipped = zip(record.subOrders, record.subOrderStates).first(where: { $0.1.status == .shipped || $0.1.status == .delivered }) {
            throw .state("sub-order \(shipped.0.subOrder) of order \(record.order) has shipped; the order can no longer be cancelled")
        }
        let reason = "order \(record.order) cancelled by \(command.by): \(command.reason)"
        let undo = compensation(for: record, reason: reason)
        return .accept(Effects(
            events: [.cancelled(OrderCancelled(
                commandId: commandId, order: record.order, buyer: buyer, at: now, by: command.by, reason: command.reason,
                cancelledIn: record.status, released: undo.released, payment: undo.payment))],
            outbox: undo.requests))
    }

    /// Expires the buyer's open orders whose deadline is at or before the command's `now`
    /// (at most `policy.maximumExpiriesPerCommand`, earliest first).
    func expireDue(_ command: ExpireDue) throws(Refusal) -> Verdict {
        var effects = Effects()
        for order in state.dueOrders(of: buyer, at: command.now).prefix(policy.maximumExpiriesPerCommand) {
            guard let record = state.record(order, of: buyer), let deadline = record.deadline else { continue }
            let reason = Self.expiryReason(record, deadline: deadline)
            let undo = compensation(for: record, reason: "order \(record.order) expired: \(reason)")
            effects.events.append(.expired(OrderExpired(
                commandId: commandId, order: record.order, buyer: buyer, at: command.now, expiredIn: record.status,
                deadline: deadline, reason: reason, released: undo.released, payment: undo.payment)))
            effects.outbox += undo.requests
        }
        return .accept(effects)
    }

    private static func expiryReason(_ record: OrderRecord, deadline: Date) -> String {
        let by = WireFormat.timestampText(deadline)
        switch record.status {
        case .pendingApproval:
            let role = record.currentApprovalStep.map { record.approvalSteps[$0].role } ?? "approver"
            return "not approved by \(by) (waiting for \(role))"
        case .reservingStock:
            return "stock could not be reserved and paid for by \(by)"
        default:
            if let reference = record.paymentReference {
                return "no payment quoting reference \(reference) arrived by \(by)"
            }
            return "not paid by \(by)"
        }
    }

    /// What to undo when an order ends early: the stock its lines hold (`stockReturn`), and the
    /// money side. Lines still waiting for inventory are released when their late answer arrives.
    private func compensation(for record: OrderRecord, reason: String)
        -> (released: [String], payment: OrderPaymentCompensation?, requests: [Outbound]) {
        let stock = stockReturn(of: Array(record.lines.indices), in: record, reason: reason)
        var requests = stock.requests
        var payment: OrderPaymentCompensation?
        switch record.payment {
        case .authorizing, .awaitingPayment, .authorized, .paid:
            // Nothing is captured before completion, so even money that arrived is given back by a
            // void (payment owes it back to the buyer); a refund is only for captured money.
            payment = .void
            requests.append(.payment(.void(VoidAuthorizationRequest(
                order: record.order, payer: buyer, reason: reason, replyKey: replyKey))))
        case .notRequested, .rejected, .voidRequested, .voided, .captureRequested, .captured, .refundRequested, .refunded:
            payment = nil
        }
        return (stock.released, payment, requests)
    }

    /// Gives back the stock of lines whose goods never left (an order or a sub-order cancelled
    /// before shipping): a reservation still held is released; units committed at confirmation
    /// have left on-hand, so they are received back into the warehouses they were allocated from
    /// (inventory refuses to release a committed reservation). `released` names both kinds of line.
    func stockReturn(of lineIndices: [Int], in record: OrderRecord, reason: String)
        -> (released: [String], requests: [Outbound]) {
        var released: [String] = []
        var requests: [Outbound] = []
        for index in lineIndices {
            let line = record.lines[index]
            switch record.lineStates[index].reservation {
            case .reserved:
                released.append(line.line)
                requests.append(releaseRequest(line, of: record.order, reason: reason))
            case .committed:
                released.append(line.line)
                requests += record.lineStates[index].allocations.map { allocation in
                    .inventory(.receiveStock(ReceiveStockRequest(
                        sku: line.sku, warehouse: allocation.warehouse, quantity: allocation.quantity,
                        reference: record.order.cancellationReference)))
                }
            case .unrequested, .requested, .unavailable, .released:
                break
            }
        }
        return (released, requests)
    }
}
