import Contracts
import Foundation

/// What the order decider concluded about one command.
public enum OrderDecision: Sendable, Equatable {
    /// Publish `events` to `order.events.v1` (then apply them to state), send `outbox` to inventory
    /// and payment, and answer with `reply` if the sender asked for one. `events` may be empty: a
    /// place with a known idempotency key answers with the existing order, a query only answers, an
    /// expected late reply that needs nothing does nothing.
    case accepted(events: [OrderEvent], outbox: [Outbound], reply: OrderReply?)
    /// Refused. `field` names the command field at fault. `output(for:occurredAt:)` turns it into
    /// an `order.command-rejected` event (so a repeat is recognised) and a rejected reply.
    case rejected(code: RejectionCode, message: String, field: String?)
    /// Already handled (the same command id, or a reply for a reservation or payment step already
    /// resolved): publish and send nothing. `reply` answers a sender that asked again: the
    /// rejection it got, or the order as it is now.
    case duplicate(reply: OrderReply?)

    /// The events of an accepted decision (a rejection's event is built by `output`).
    public var events: [OrderEvent] {
        if case let .accepted(events, _, _) = self { events } else { [] }
    }

    /// The commands for other services of an accepted decision.
    public var outbox: [Outbound] {
        if case let .accepted(_, outbox, _) = self { outbox } else { [] }
    }
}
