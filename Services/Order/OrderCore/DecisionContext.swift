import Contracts
import Foundation

/// What an accepted command does: events to publish, requests to send, and what answers it.
struct Effects {
    var events: [OrderEvent] = []
    var outbox: [Outbound] = []

    /// Adds another decision's events and requests after these.
    mutating func append(_ other: Effects) {
        events += other.events
        outbox += other.outbox
    }
    /// The order whose summary answers the command, when it is not the command's own order
    /// (a place with a known idempotency key).
    var replyOrder: OrderID?
    /// The answer, when it is not an order summary (queries, approval rules).
    var replyOutcome: OrderReply.Outcome?
}

/// How a command was decided, short of a rejection (which is thrown as a `Refusal`).
enum Verdict {
    case accept(Effects)
    /// Nothing to do because it already happened (a reply for a resolved step): a duplicate.
    case alreadyHandled
}

/// One command being decided: the command, its buyer, the state, the time and the policy.
struct DecisionContext {
    let command: Envelope<OrderCommand>
    let buyer: CompanyID
    let state: OrderState
    let now: Date
    let policy: OrderPolicy

    var commandId: MessageID { command.id }
    /// The key of every reply to the order service: the buyer company id.
    var replyKey: String { buyer.rawValue }

    func decide(_ payload: OrderCommand) throws(Refusal) -> Verdict {
        switch payload {
        case let .place(command): try place(command)
        case let .approve(command): try approve(command)
        case let .rejectApproval(command): try rejectApproval(command)
        case let .cancel(command): try cancel(command)
        case let .ship(command): try ship(command)
        case let .cancelSubOrder(command): try cancelSubOrder(command)
        case let .confirmDelivery(command): try confirmDelivery(command)
        case let .requestReturn(command): try requestReturn(command)
        case let .decideReturn(command): try decideReturn(command)
        case let .expireDue(command): try expireDue(command)
        case let .setApprovalRules(command): try setApprovalRules(command)
        case let .stockReservationResult(result): try recordReservation(result)
        case let .paymentResult(result): try recordPayment(result)
        case let .getOrder(query): try getOrder(query)
        case let .getApprovalRules(query): try getApprovalRules(query)
        case let .listOrders(query): try listOrders(query)
        case .listSubOrders:
            // Answered for the whole partition by `OrderDecider.deskDecision`, never for a buyer.
            throw .invalid("type", "order.list-sub-orders is not a buyer's command")
        }
    }

    /// The buyer's order, or a rejection naming it. Another buyer's order is "not found" too, so
    /// no buyer learns about another's orders.
    func record(_ order: OrderID, field: String = "order") throws(Refusal) -> OrderRecord {
        guard let record = state.record(order, of: buyer) else {
            throw Refusal(.orderNotFound, field: field, "buyer \(buyer) has no order \(order)")
        }
        return record
    }

    func reserveRequests(for record: OrderRecord) -> [Outbound] {
        record.lines.map { line in
            .inventory(.reserveStock(ReserveStockRequest(
                reservation: line.line, order: record.order, buyer: record.buyer, sku: line.sku,
                supplier: line.supplier, quantity: line.quantity, region: record.deliveryAddress.region, replyKey: replyKey)))
        }
    }

    func releaseRequest(_ line: OrderLine, of order: OrderID, reason: String) -> Outbound {
        .inventory(.releaseReservation(ReleaseReservationRequest(
            reservation: line.line, order: order, sku: line.sku, reason: reason, replyKey: replyKey)))
    }

    func commitRequests(_ lineIds: [String], of record: OrderRecord) -> [Outbound] {
        lineIds.compactMap { record.lineIndex(of: $0) }.map { index in
            .inventory(.commitReservation(CommitReservationRequest(
                reservation: record.lines[index].line, order: record.order, sku: record.lines[index].sku,
                replyKey: replyKey)))
        }
    }

    func deadline(after interval: TimeInterval) -> Date {
        now.addingTimeInterval(interval)
    }
}

extension OrderStatus {
    /// The status in words, for reasons: "pending approval", "awaiting payment".
    var phrase: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}
