import Contracts
import Foundation

/// What the catalog decider concluded about one command.
public enum CatalogDecision: Sendable, Equatable {
    /// Publish `events` (possibly none: the command changed nothing or was already handled), then
    /// apply them to state, and answer with `outcome`.
    case accepted(events: [CatalogEvent], outcome: CatalogReply.Outcome)
    /// Publish nothing; answer with the reason. `field` names the command field at fault.
    case rejected(code: RejectionCode, message: String, field: String?)

    /// The events to publish and apply, in order.
    public var events: [CatalogEvent] {
        switch self {
        case let .accepted(events, _): events
        case .rejected: []
        }
    }

    /// The answer for whoever sent the command.
    public var outcome: CatalogReply.Outcome {
        switch self {
        case let .accepted(_, outcome): outcome
        case let .rejected(code, message, field): .rejected(code: code, message: message, field: field)
        }
    }

    /// `events` in envelopes for `catalog.events.v1`: keyed by their record key, caused by and
    /// correlated with the command, with ids derived from the command id and the event's index
    /// (`Envelope.causing`), so handling the command again yields the same ids.
    public func envelopes(causedBy command: Envelope<CatalogCommand>, occurredAt: Date) -> [Envelope<CatalogEvent>] {
        events.enumerated().map { index, event in
            command.causing(event, index: index, key: event.key, occurredAt: occurredAt)
        }
    }

    /// The reply to send, when the command asked for one: produce it to `partition` of the replies
    /// topic. The envelope is keyed by the gateway instance and its id is derived like the events'.
    public func reply(causedBy command: Envelope<CatalogCommand>,
                      occurredAt: Date) -> (partition: Int32, envelope: Envelope<CatalogReply>)? {
        guard let address = command.payload.replyTo else { return nil }
        let reply = CatalogReply(requestId: address.requestId, commandId: command.id, outcome: outcome)
        return (address.partition, command.causing(reply, index: 0, key: address.instance, occurredAt: occurredAt))
    }

    init(_ refusal: Refusal) {
        self = .rejected(code: refusal.code, message: refusal.message, field: refusal.field)
    }
}
