import Contracts
import Foundation

/// What the inventory decider concluded about one command: the events to publish to
/// `inventory.events.v1` (then apply to state) and the replies to publish to `order.commands.v1`.
///
/// The service publishes events first, then replies, then applies the events and stores the offset.
/// A crash after the events but before the replies replays the command; it is then a `.duplicate`
/// whose `replies` rebuild the same reply from state, with the same id, so nothing is lost.
public struct InventoryDecision: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// The command changed state; `events` says how (possibly followed by `low-stock`).
        case accepted
        /// The command was refused; `events` holds the rejection event, published like any other.
        case rejected
        /// A command with this id was already handled: no events; `replies` repeat its reply, if any.
        case duplicate
        /// A new command with nothing to change: releasing an unknown or already released
        /// reservation, committing a committed one, or re-asking for a reservation already held.
        /// No events; `replies` answer a re-asked reservation.
        case unchanged
    }

    public let outcome: Outcome
    /// The events to publish and apply, in order.
    public let events: [InventoryEvent]
    /// Replies to the order service (a `StockReservationResult` for every `ReserveStock`).
    public let replies: [InventoryReply]

    public init(outcome: Outcome, events: [InventoryEvent], replies: [InventoryReply]) {
        self.outcome = outcome
        self.events = events
        self.replies = replies
    }

    public static func accepted(_ events: [InventoryEvent], replies: [InventoryReply] = []) -> InventoryDecision {
        InventoryDecision(outcome: .accepted, events: events, replies: replies)
    }

    public static func rejected(_ event: InventoryEvent, replies: [InventoryReply] = []) -> InventoryDecision {
        InventoryDecision(outcome: .rejected, events: [event], replies: replies)
    }

    /// A repeated command whose reply (if any) is sent again.
    public static func duplicate(replies: [InventoryReply]) -> InventoryDecision {
        InventoryDecision(outcome: .duplicate, events: [], replies: replies)
    }

    /// A repeated command without a reply.
    public static let duplicate = InventoryDecision(outcome: .duplicate, events: [], replies: [])

    public static func unchanged(replies: [InventoryReply] = []) -> InventoryDecision {
        InventoryDecision(outcome: .unchanged, events: [], replies: replies)
    }

    /// `events` in envelopes ready to produce to `inventory.events.v1`: caused by and correlated with
    /// the command, with ids derived from the command id, the event type and the event's index (see
    /// `Envelope.causing`), so handling the same command again yields the same ids. SKU events are
    /// keyed by SKU; warehouse-level events by the command's key (the copy's partition).
    /// `occurredAt` is the service's clock, passed in to keep this pure.
    public func envelopes(causedBy command: Envelope<InventoryCommand>,
                          occurredAt: Date) -> [Envelope<InventoryEvent>] {
        events.enumerated().map { index, event in
            command.causing(event, index: index, key: event.sku?.rawValue ?? command.key, occurredAt: occurredAt)
        }
    }

    /// `replies` in envelopes ready to produce to `order.commands.v1`, wrapped in the order family by
    /// `family` (e.g. `OrderCommand.stockReservationResult`), keyed by `InventoryReply.key`.
    ///
    /// Reply ids are `MessageID.derived(from: command.id, "order.stock-reservation-result", "<n>")`
    /// with n counting replies only (0 for the one reply of a reserve). They never collide with event
    /// ids, whose derivation names the event type, and they do not depend on how many events the
    /// decision had, so the reply rebuilt for a `.duplicate` (which has no events) keeps its id.
    public func replyEnvelopes<Family: MessageFamily>(
        causedBy command: Envelope<InventoryCommand>, occurredAt: Date,
        as family: (StockReservationResult) -> Family
    ) -> [Envelope<Family>] {
        replies.enumerated().map { index, reply in
            command.causing(family(reply.payload), index: index, key: reply.key, occurredAt: occurredAt)
        }
    }
}
