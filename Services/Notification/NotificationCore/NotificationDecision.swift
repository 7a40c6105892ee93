import Contracts
import Foundation

/// What the notification decider concluded about one command.
///
/// Service flow: produce `eventEnvelopes` to `notification.events.v1` (acks=all) → apply `events`
/// to state → produce `fanOutEnvelopes` to `notification.commands.v1` and `replyEnvelope` to
/// `gateway.replies.v1` → hand `deliveries` to the delivery workers → store the offset. A crash
/// before the events are durable decides the command again (same ids); after, the command is a
/// duplicate and `state.pendingDeliveries()` still lists the deliveries owed.
public struct NotificationDecision: Sendable, Equatable {
    /// Events to publish and apply, in order (a refusal's `command-rejected` included).
    public let events: [NotificationEvent]
    /// Deliveries to start now (the plans of a `created` event).
    public let deliveries: [DeliveryJob]
    /// `deliver` commands of an announcement, one per recipient company.
    public let fanOut: [DeliverNotification]
    /// The answer, when the command carried `replyTo`.
    public let reply: NotificationReply?
    /// Why the command was refused, if it was.
    public let rejection: Refusal?
    /// The command (or notification) was already handled: nothing new is published.
    public let isDuplicate: Bool

    init(events: [NotificationEvent] = [], deliveries: [DeliveryJob] = [], fanOut: [DeliverNotification] = [],
         reply: NotificationReply? = nil, rejection: Refusal? = nil, isDuplicate: Bool = false) {
        self.events = events
        self.deliveries = deliveries
        self.fanOut = fanOut
        self.reply = reply
        self.rejection = rejection
        self.isDuplicate = isDuplicate
    }

    /// `events` for `notification.events.v1`, keyed by company, ids derived from the command.
    public func eventEnvelopes(causedBy command: Envelope<NotificationCommand>,
                               occurredAt: Date) -> [Envelope<NotificationEvent>] {
        events.enumerated().map { index, event in
            command.causing(event, index: index, key: event.key, occurredAt: occurredAt)
        }
    }

    /// `fanOut` for `notification.commands.v1`, keyed by the recipient company; each id derives from
    /// its notification id, so a repeated announcement yields the same ids.
    public func fanOutEnvelopes(causedBy command: Envelope<NotificationCommand>,
                                occurredAt: Date) -> [Envelope<NotificationCommand>] {
        fanOut.map { deliver in
            Envelope(id: .derived(from: deliver.notification.rawValue, DeliverNotification.messageType),
                     occurredAt: occurredAt, causationId: command.id, correlationId: command.correlationId,
                     tenant: command.tenant, key: deliver.company.rawValue, payload: .deliver(deliver))
        }
    }

    /// The reply for `gateway.replies.v1` (partition `replyTo.partition`, key `replyTo.instance`).
    public func replyEnvelope(causedBy command: Envelope<NotificationCommand>,
                              occurredAt: Date) -> Envelope<NotificationReply>? {
        guard let reply, let replyTo = command.payload.replyTo else { return nil }
        return command.causing(reply, index: 0, key: replyTo.instance, occurredAt: occurredAt)
    }
}
