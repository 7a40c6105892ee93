import Contracts
import Foundation

/// What the payment decider concluded about one command.
///
/// Service flow: publish `eventEnvelopes` to `payment.events.v1` in order, applying each to state
/// once it is durable; then publish `replyEnvelopes` to `order.commands.v1`; then store the offset.
/// A crash anywhere in between is repaired by handling the command again: its events and replies
/// have the same ids, and a command whose events only partly made it is completed (`isDuplicate`
/// with the missing events), never decided twice.
public struct PaymentDecision: Sendable, Equatable {
    /// Events to publish and apply, in order.
    public let events: [PaymentEvent]
    /// The output index of each event (`Envelope.causing(index:)`), which makes its id. Normally
    /// 0, 1, 2...; a completed decision keeps the numbering of the first handling so a rebuilt event
    /// has its original id.
    public let eventIndices: [Int]
    /// Answers to the order service, for `order.commands.v1` keyed by `PaymentReply.key`.
    public let replies: [PaymentReply]
    /// Why the command was refused, if it was (the refusal is also among `events`).
    public let rejection: PaymentRejection?
    /// The command was already handled: `replies` are the original ones, to send again, and
    /// `events` holds only what the first handling did not get to publish (usually nothing).
    public let isDuplicate: Bool

    init(events: [(index: Int, event: PaymentEvent)], replies: [PaymentReply]? = nil, rejection: PaymentRejection? = nil,
         isDuplicate: Bool = false) {
        self.events = events.map(\.event)
        eventIndices = events.map(\.index)
        self.replies = replies ?? events.compactMap(\.event.reply)
        self.rejection = rejection
        self.isDuplicate = isDuplicate
    }

    /// `events` in envelopes for `payment.events.v1`: keyed by `PaymentEvent.partitionKey`, caused
    /// by and correlated with the command, with ids derived from the command id, the event type and
    /// its index (`Envelope.causing`).
    public func eventEnvelopes(causedBy command: Envelope<PaymentCommand>, occurredAt: Date) -> [Envelope<PaymentEvent>] {
        zip(eventIndices, events).map { index, event in
            command.causing(event, index: index, key: event.partitionKey, occurredAt: occurredAt)
        }
    }

    /// `replies` in envelopes for `order.commands.v1`, keyed by the reply key; ids derived like the
    /// events', so a reply sent again is recognised by the order service.
    public func replyEnvelopes(causedBy command: Envelope<PaymentCommand>, occurredAt: Date) -> [Envelope<PaymentResult>] {
        replies.enumerated().map { index, reply in
            command.causing(reply.result, index: index, key: reply.key, occurredAt: occurredAt)
        }
    }
}
