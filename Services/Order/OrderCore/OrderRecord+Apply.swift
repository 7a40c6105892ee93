import Contracts
import Foundation

/// Folding an order's events into its record. Each event applies only from the status it was
/// decided in (an approval only to the step it approved, a line reservation only to a line still
/// waiting, ...), so a repeated event finds the order past that transition and changes nothing:
/// applying an event twice leaves the same record as applying it once (DESIGN principle 3).
extension OrderRecord {
    /// Applies `event` (not `placed`, which creates the record); false when it did not apply.
    @discardableResult
    mutating func apply(_ event: OrderEvent) -> Bool {
        switch event {
        case .placed, .approvalRulesSet, .commandRejected:
            return false
        case let .approvalRequested(event):
            guard status == .pendingApproval, approvalSteps.isEmpty else { return false }
            approvalSteps = event.steps
            approvalDueBy = event.dueBy
            record(event.at, "approval needed: \(event.steps.map(\.role).joined(separator: " → ")), by \(Self.text(event.dueBy))")
        case let .approved(event):
            guard currentApprovalStep == event.step - 1 else { return false }
            approvalDecisions.append(ApprovalDecision(approved: true, by: event.approver, at: event.at, comment: event.comment))
            if event.remainingRoles.isEmpty {
                status = .reservingStock
                approvalDueBy = nil
                paymentDueBy = event.paymentDueBy
                for index in lineStates.indices where lineStates[index].reservation == .unrequested {
                    lineStates[index].reservation = .requested
                }
            }
            record(event.at, "step \(event.step) of \(approvalSteps.count) approved by \(event.approver) (\(event.role))")
        case let .approvalRejected(event):
            guard currentApprovalStep == event.step - 1 else { return false }
            approvalDecisions.append(ApprovalDecision(approved: false, by: event.approver, at: event.at, comment: event.comment))
            updatedAt = event.at
        case let .lineReserved(event):
            guard let index = lineIndex(of: event.line), lineStates[index].reservation == .requested else { return false }
            lineStates[index] = LineState(reservation: .reserved, allocations: event.allocations)
            updatedAt = event.at
        case let .lineReservationFailed(event):
            guard let index = lineIndex(of: event.line), lineStates[index].reservation == .requested else { return false }
            lineStates[index].reservation = .unavailable
            updatedAt = event.at
        case let .reservationReleased(event):
            guard let index = lineIndex(of: event.line), lineStates[index].reservation == .reserved else { return false }
            lineStates[index].reservation = .released
            updatedAt = event.at
        case let .stockReserved(event):
            guard status == .reservingStock else { return false }
            status = .awaitingPayment
            payment = .authorizing
            record(event.at, "stock reserved for all \(lines.count) line(s); \(event.paymentMethod.rawValue) payment of \(event.amount) requested")
        case let .awaitingPayment(event):
            guard status == .awaitingPayment, payment == .authorizing || payment == .awaitingPayment,
                  paymentReference != event.reference else { return false }
            payment = .awaitingPayment
            paymentReference = event.reference
            record(event.at, "waiting for \(event.method.rawValue) of \(event.amount) quoting reference \(event.reference), by \(Self.text(event.dueBy))")
        case let .confirmed(event):
            guard status == .awaitingPayment else { return false }
            status = .confirmed
            payment = event.payment
            if event.payment == .paid { paidAmount = event.amount }
            paymentDueBy = nil
            setLines(event.committed, from: [.reserved], to: .committed)
            record(event.at, event.payment == .paid ? "confirmed: payment of \(event.amount) received"
                                                    : "confirmed: \(event.amount) authorized on credit")
        case let .rejected(event):
            guard !status.isTerminal else { return false }
            if payment == .authorizing || payment == .awaitingPayment { payment = .rejected }
            end(.rejected, at: event.at, reason: event.reason, released: event.released, compensation: nil)
        case let .cancelled(event):
            guard !status.isTerminal else { return false }
            end(.cancelled, at: event.at, reason: "cancelled by \(event.by): \(event.reason)", released: event.released,
                compensation: event.payment)
        case let .expired(event):
            guard !status.isTerminal else { return false }
            end(.expired, at: event.at, reason: event.reason, released: event.released, compensation: event.payment)
        case let .subOrderShipped(event):
            guard status == .confirmed, let index = subOrderIndex(of: event.subOrder),
                  subOrderStates[index].status == .open else { return false }
            subOrderStates[index].status = .shipped
            subOrderStates[index].shipment = OrderSummary.Shipment(carrier: event.carrier, trackingNumber: event.trackingNumber,
                                                                   shippedAt: event.at)
            setLines(event.committed, from: [.reserved], to: .committed)
            record(event.at, "sub-order \(event.subOrder) shipped by \(event.supplier) via \(event.carrier), tracking \(event.trackingNumber)")
        case let .subOrderCancelled(event):
            guard status == .confirmed, let index = subOrderIndex(of: event.subOrder),
                  subOrderStates[index].status == .open else { return false }
            subOrderStates[index].status = .cancelled
            subOrderStates[index].cancellation = OrderSummary.Cancellation(by: event.by, user: event.user, reason: event.reason,
                                                                          at: event.at)
            setLines(event.released, from: [.reserved, .committed], to: .released)
            record(event.at, "sub-order \(event.subOrder) of \(event.supplier) cancelled by \(event.by) (\(event.user)): "
                + "\(event.reason); its \(event.amount) is not charged")
        case let .subOrderDelivered(event):
            guard status == .confirmed, let index = subOrderIndex(of: event.subOrder),
                  subOrderStates[index].status == .shipped else { return false }
            subOrderStates[index].status = .delivered
            subOrderStates[index].deliveredAt = event.at
            record(event.at, "sub-order \(event.subOrder) delivered")
        case let .completed(event):
            guard status == .confirmed else { return false }
            status = .completed
            completedAt = event.at
            payment = .captureRequested
            let cancelled = cancelledSubOrdersTotal
            if cancelled.isPositive {
                record(event.at, "completed: every sub-order delivered or cancelled; capture of \(event.amount) requested, "
                    + "then a refund of \(cancelled) for the cancelled sub-orders")
            } else {
                record(event.at, "completed: every sub-order delivered; capture of \(event.amount) requested")
            }
        case let .paymentRecorded(event):
            return applyPayment(event)
        case .returnRequested, .returnApproved, .returnRejected, .returnRefunded, .returnRefundFailed:
            return applyReturn(event)
        }
        return true
    }

    private mutating func applyPayment(_ event: OrderPaymentRecorded) -> Bool {
        let description: String
        switch event.outcome {
        case .voided:
            guard payment != .voided else { return false }
            payment = .voided
            description = "payment authorization voided"
        case .captured:
            guard payment == .captureRequested else { return false }
            payment = .captured
            description = "payment captured; settlement split by payment"
        case let .refunded(refund, amount) where refund == order.cancelledSubOrdersRefundId:
            // Only part of the order: the payment status stays as the capture left it.
            guard cancelledSubOrdersRefunded == nil else { return false }
            cancelledSubOrdersRefunded = amount
            description = "refund \(refund) of \(amount) for the cancelled sub-orders issued"
        case let .refunded(refund, amount):
            guard payment != .refunded else { return false }
            payment = .refunded
            description = "refund \(refund) of \(amount) issued"
        case let .paid(amount) where event.refund != nil:
            // Recorded by earlier versions, which asked for a refund of a late payment.
            guard payment != .refundRequested, payment != .refunded else { return false }
            payment = .refundRequested
            paidAmount = amount
            description = "payment of \(amount) arrived after the order ended; refund \(event.refund ?? "-") requested"
        case let .paid(amount):
            guard paidAmount == nil else { return false }
            paidAmount = amount
            if payment != .voided { payment = .voidRequested }
            description = "payment of \(amount) arrived after the order ended; the void gives it back to the buyer"
        case .authorized, .awaitingPayment:
            guard payment != .voidRequested, payment != .voided else { return false }
            payment = .voidRequested
            description = "late \(event.outcome.kind) answer from payment after the order ended; void requested"
        case .rejected:
            return false
        case let .attemptFailed(amount, reason):
            guard status == .awaitingPayment else { return false }
            description = "payment attempt of \(amount) failed: \(reason); still waiting for payment"
                + (paymentDueBy.map { " by \(Self.text($0))" } ?? "")
            // Nothing else changes, so the history itself tells an event applied again.
            if history.last?.at == event.at, history.last?.reason == description { return false }
        }
        record(event.at, description)
        return true
    }

    private mutating func end(_ final: OrderStatus, at: Date, reason: String, released: [String],
                              compensation: OrderPaymentCompensation?) {
        status = final
        statusReason = reason
        approvalDueBy = nil
        paymentDueBy = nil
        setLines(released, from: [.reserved, .committed], to: .released)
        // Nothing of the order ships any more: its open parts leave the suppliers' desks.
        for index in subOrderStates.indices where subOrderStates[index].status == .open {
            subOrderStates[index].status = .cancelled
        }
        switch compensation {
        case .void: payment = .voidRequested
        case .refund: payment = .refundRequested
        case nil: break
        }
        record(at, reason)
    }

    private mutating func setLines(_ ids: [String], from: Set<LineReservationStatus>, to: LineReservationStatus) {
        for id in ids {
            if let index = lineIndex(of: id), from.contains(lineStates[index].reservation) {
                lineStates[index].reservation = to
            }
        }
    }

    /// Adds a history entry with the status as it is now.
    private mutating func record(_ at: Date, _ reason: String) {
        updatedAt = at
        history.append(OrderSummary.HistoryEntry(at: at, status: status, reason: reason))
    }

    static func text(_ date: Date) -> String {
        WireFormat.timestampText(date)
    }
}
