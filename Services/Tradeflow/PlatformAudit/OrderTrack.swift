import Contracts
import Foundation

/// What the audit knows about one order, folded from `order.events.v1`.
struct OrderTrack: Sendable {
    /// The saga's own notion of where an order is, reduced to what the audit asks.
    enum Phase: Sendable, Equatable {
        /// The saga still runs with no outside party to wait for (stock reservation, payment
        /// authorization): it should finish within the grace period.
        case working
        /// Waiting for a person or for money (approval, prepayment, bank transfer) until `until`,
        /// after which the order must have expired.
        case waiting(until: Date?)
        /// Confirmed (then shipped, delivered) or ended: the saga made its decision.
        case settled
    }

    let order: OrderID
    let buyer: CompanyID
    let placedAt: Date
    let placedBy: MessageID
    let total: Money
    let paymentMethod: PaymentMethod
    let position: RecordPosition?
    let reservations: Set<String>
    var status: OrderStatus
    var lastEventAt: Date
    var waitingUntil: Date?
    var authorizing = false
    var confirmation: OrderConfirmed?
    var completion: OrderCompleted?

    init(placed: OrderPlaced, position: RecordPosition?) {
        order = placed.order
        buyer = placed.buyer
        placedAt = placed.at
        placedBy = placed.commandId
        total = placed.total
        paymentMethod = placed.paymentMethod
        self.position = position
        reservations = Set(placed.lines.map(\.line))
        status = placed.status
        lastEventAt = placed.at
    }

    /// Settled: `confirmed` and everything after it, and every ended status. `OrderStatus.isTerminal`
    /// leaves out `confirmed` because shipping follows, but shipping waits on suppliers, not on the
    /// saga: a confirmed order has its stock and its money, which is what verify asks.
    var phase: Phase {
        switch status {
        case .confirmed, .completed, .rejected, .cancelled, .expired: .settled
        case .pendingApproval: .waiting(until: waitingUntil)
        case .reservingStock: .working
        case .awaitingPayment: authorizing ? .working : .waiting(until: waitingUntil)
        }
    }

    /// Folds one event (not `placed`); returns a reason when the event is not a valid transition.
    mutating func apply(_ event: OrderEvent) -> String? {
        lastEventAt = max(lastEventAt, event.at)
        switch event {
        case .placed, .approvalRulesSet, .commandRejected, .approvalRejected, .lineReserved,
             .lineReservationFailed, .reservationReleased, .paymentRecorded, .subOrderShipped, .subOrderCancelled,
             .subOrderDelivered,
             .returnRequested, .returnApproved, .returnRejected, .returnRefunded, .returnRefundFailed:
            return nil
        case let .approvalRequested(requested):
            if status == .pendingApproval { waitingUntil = requested.dueBy }
            return nil
        case let .approved(approved):
            if status == .pendingApproval, approved.remainingRoles.isEmpty {
                status = .reservingStock
                waitingUntil = nil
            }
            return nil
        case .stockReserved:
            guard status == .reservingStock else { return "stock-reserved while \(status.rawValue)" }
            status = .awaitingPayment
            authorizing = true
            return nil
        case let .awaitingPayment(waiting):
            guard status == .awaitingPayment else { return "awaiting-payment while \(status.rawValue)" }
            authorizing = false
            waitingUntil = waiting.dueBy
            return nil
        case let .confirmed(confirmed):
            guard status == .awaitingPayment else { return "confirmed while \(status.rawValue)" }
            status = .confirmed
            confirmation = confirmed
            return nil
        case let .completed(completed):
            guard status == .confirmed else { return "completed while \(status.rawValue)" }
            status = .completed
            completion = completed
            return nil
        case .rejected:
            return end(.rejected)
        case .cancelled:
            return end(.cancelled)
        case .expired:
            return end(.expired)
        }
    }

    private mutating func end(_ next: OrderStatus) -> String? {
        guard !status.isTerminal else { return "\(next.rawValue) after it was already \(status.rawValue)" }
        status = next
        authorizing = false
        return nil
    }
}
