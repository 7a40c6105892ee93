import Contracts
import Foundation

/// Everything one decision asks the service to produce, with deterministic ids (DESIGN principle
/// 3): handling the same command again yields the same ids, so receivers recognise repeats.
///
/// Numbering: events are outputs 0..<e, outbound commands e..<e+o (ids from `Envelope.causing`,
/// which also mixes in the message type; a return's `receive-stock` takes `Outbound.derivedId`). The reply is always output 0 of its own type
/// ("order.command-reply"), so a repeated command's reply has the id of the first one.
///
/// Service flow: produce `events` (acks=all) → apply `stateEvents` to state → produce `outbox`
/// and `reply` → store the offset. A crash before the events are durable replays the command and
/// decides again; after, the restored state recognises it as a duplicate.
public struct OrderOutput: Sendable, Equatable {
    /// A command for inventory or payment, with the envelope id, index and key to produce it with.
    /// The service maps `request` onto its wire family case and wraps it with
    /// `command.causing(wirePayload, index: index, key: key, occurredAt:)`, whose id equals `id`.
    public struct OutboundMessage: Sendable, Equatable {
        public let id: MessageID
        public let index: Int
        public let key: String
        public let request: Outbound
    }

    /// For `order.events.v1`, keyed by buyer.
    public let events: [Envelope<OrderEvent>]
    public let outbox: [OutboundMessage]
    /// For `gateway.replies.v1`, partition `replyTo.partition`, key `replyTo.instance`.
    public let reply: Envelope<OrderReply>?
    public let replyTo: ReplyAddress?

    /// The event payloads, in order: what to apply to state once produced.
    public var stateEvents: [OrderEvent] { events.map(\.payload) }
}

extension OrderDecision {
    /// The envelopes to produce for `command`, stamped `occurredAt` (the service's clock).
    public func output(for command: Envelope<OrderCommand>, occurredAt: Date) -> OrderOutput {
        let payload = command.payload
        let events: [OrderEvent]
        let outbox: [Outbound]
        let answer: OrderReply?
        switch self {
        case let .accepted(accepted, requests, reply):
            (events, outbox, answer) = (accepted, requests, reply)
        case let .rejected(code, message, field):
            outbox = []
            let buyer = payload.buyer ?? CompanyID(validating: command.key)
            // Queries are never recorded; a message without a usable buyer cannot be (it goes to
            // the dead-letter topic with the reason instead).
            if let buyer, !payload.isQuery {
                events = [.commandRejected(OrderCommandRejected(
                    commandId: command.id, buyer: buyer, order: payload.order, at: occurredAt,
                    commandType: payload.messageType, code: code, field: field, reason: message))]
            } else {
                events = []
            }
            answer = payload.replyTo.map {
                OrderReply(requestId: $0.requestId, commandId: command.id,
                           outcome: .rejected(code: code, message: message, field: field))
            }
        case let .duplicate(reply):
            (events, outbox, answer) = ([], [], reply)
        }
        let eventEnvelopes = events.enumerated().map { index, event in
            command.causing(event, index: index, key: event.key, occurredAt: occurredAt)
        }
        let messages = outbox.enumerated().map { offset, request in
            let index = events.count + offset
            return OrderOutput.OutboundMessage(
                id: request.derivedId ?? .derived(from: command.id.rawValue, request.messageType, String(index)),
                index: index, key: request.key, request: request)
        }
        let replyTo = payload.replyTo
        var reply: Envelope<OrderReply>?
        if let answer, let replyTo {
            reply = command.causing(answer, index: 0, key: replyTo.instance, occurredAt: occurredAt)
        }
        return OrderOutput(events: eventEnvelopes, outbox: messages, reply: reply, replyTo: replyTo)
    }
}
