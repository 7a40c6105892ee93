import Contracts
import Foundation

/// The order saga (DESIGN principle 5) as pure decisions: place → (approval) → reserve stock per
/// line → authorize payment → confirm → ship / deliver per sub-order → complete, or compensate
/// (release what was reserved, void or refund what was authorized or paid) with a reason the buyer
/// can read. No clock (`now` is passed in), no I/O, no globals: the same command, state, time and
/// policy always give the same decision.
///
/// Every invalid transition is an explicit rejection with a reason ("order O-1 is confirmed; it can
/// no longer be approved"), never silently ignored. Repeated inputs (the same command id, or a
/// reply for a reservation or payment step already resolved) are `.duplicate`: nothing changes and
/// nothing new is sent.
public enum OrderDecider {
    /// The most an order may take on the wire as its `order.placed` payload. Half of Kafka's 1 MiB
    /// message limit, so the order's read model (which adds reservations, allocations and history)
    /// still fits in a reply.
    public static let maximumPlacedOrderBytes = 512 * 1_024

    public static func decide(_ command: Envelope<OrderCommand>, state: OrderState, now: Date,
                              policy: OrderPolicy) -> OrderDecision {
        let payload = command.payload
        if case let .listSubOrders(query) = payload { return deskDecision(query, command: command, state: state) }
        // Replies of inventory and payment name no buyer: their key (the `replyKey` order gave) is it.
        guard let buyer = payload.buyer ?? CompanyID(validating: command.key) else {
            return .rejected(code: .invalidField, message: "message key \"\(command.key)\" is not a buyer company id",
                             field: nil)
        }
        if !payload.isQuery, state.hasHandled(command.id, buyer: buyer) {
            return .duplicate(reply: repeatedReply(to: command, buyer: buyer, state: state))
        }
        let context = DecisionContext(command: command, buyer: buyer, state: state, now: now, policy: policy)
        do {
            switch try context.decide(payload) {
            case let .accept(effects):
                return .accepted(events: effects.events, outbox: effects.outbox,
                                 reply: reply(to: command, buyer: buyer, effects: effects, state: state))
            case .alreadyHandled:
                return .duplicate(reply: repeatedReply(to: command, buyer: buyer, state: state))
            }
        } catch {
            return .rejected(code: error.code, message: error.message, field: error.field)
        }
    }

    /// The answer to an accepted command: the order as it is after the events, the rules, or what
    /// the query asked for.
    private static func reply(to command: Envelope<OrderCommand>, buyer: CompanyID, effects: Effects,
                              state: OrderState) -> OrderReply? {
        guard let replyTo = command.payload.replyTo else { return nil }
        var outcome = effects.replyOutcome
        if outcome == nil, let order = effects.replyOrder ?? command.payload.order {
            // Only this order's record is copied and advanced, never the partition's state.
            var record = state.record(order, of: buyer)
            for event in effects.events where event.order == order {
                if case let .placed(placed) = event {
                    if record == nil { record = OrderRecord(placed: placed) }
                } else {
                    record?.apply(event)
                }
            }
            outcome = record.map { .order($0.summary) }
        }
        return outcome.map { OrderReply(requestId: replyTo.requestId, commandId: command.id, outcome: $0) }
    }

    /// The answer to a command asked again: the rejection it got, or the current state of what it
    /// was about.
    private static func repeatedReply(to command: Envelope<OrderCommand>, buyer: CompanyID,
                                      state: OrderState) -> OrderReply? {
        guard let replyTo = command.payload.replyTo else { return nil }
        let outcome: OrderReply.Outcome?
        if let rejection = state.buyers[buyer]?.recentCommands.rejection(of: command.id) {
            outcome = .rejected(code: rejection.code, message: rejection.message, field: rejection.field)
        } else if case .setApprovalRules = command.payload {
            outcome = .approvalRules(state.approvalRules(of: buyer))
        } else if let order = command.payload.order, let summary = state.summary(of: order, buyer: buyer) {
            outcome = .order(summary)
        } else {
            outcome = nil
        }
        return outcome.map { OrderReply(requestId: replyTo.requestId, commandId: command.id, outcome: $0) }
    }
}
