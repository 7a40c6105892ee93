import Contracts
import Foundation

/// What the inventory decider concluded about one command.
public enum InventoryDecision: Sendable, Equatable {
    /// Publish these events (then apply them to state).
    case accepted([InventoryEvent])
    /// Publish the rejection as an event (then apply it, so a repeat is recognised).
    case rejected(StockCommandRejected)
    /// The command was already handled: publish nothing, change nothing. Its original events are
    /// already on the topic.
    case duplicate

    /// The events to publish and apply, in order.
    public var events: [InventoryEvent] {
        switch self {
        case let .accepted(events): events
        case let .rejected(rejection): [.stockCommandRejected(rejection)]
        case .duplicate: []
        }
    }

    /// `events` in envelopes ready to produce to `inventory.events.v1`: keyed by SKU, caused by and
    /// correlated with the command, and with ids derived from the command id and the event's index
    /// (see `Envelope.causing`), so handling the same command again yields the same ids.
    /// `occurredAt` is the service's clock, passed in to keep this pure.
    public func envelopes(causedBy command: Envelope<InventoryCommand>,
                          occurredAt: Date) -> [Envelope<InventoryEvent>] {
        events.enumerated().map { index, event in
            command.causing(event, index: index, key: event.sku.rawValue, occurredAt: occurredAt)
        }
    }
}
