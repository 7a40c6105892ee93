import Contracts
import Foundation
import Kafka
import PaymentCore
import Runtime
import ServiceKit

/// Connects PaymentCore to Kafka: payment commands in (keyed by payer), payment events out, and
/// the answers to the order saga on the buyer's partition of `order.commands.v1`.
enum PaymentWiring {
    static func parts(_ context: ServiceContext) throws -> [any Service] {
        let store = PartitionedStateStore<PaymentState>(
            context: context, commandTopic: Topics.paymentCommands.name, eventTopic: Topics.paymentEvents.name,
            initial: { PaymentState() },
            fold: { state, message in
                if let envelope = try? WireFormat.decode(message.value, as: PaymentEvent.self) { state.apply(envelope.payload) }
            })
        let decider = PaymentDecider()
        let commands = try context.consume([Topics.paymentCommands], group: PaymentSubscriptions.group, singleWriter: true,
                                           onAssignment: { store.assignmentChanged($0) }) { envelope, message in
            try await store.ensureRestored(message.partition)
            let now = Date()
            let decision = decider.decide(envelope, state: await store.state(of: message.partition), now: now)
            // Events, then replies, then state; a replayed command is a duplicate that carries the
            // same replies again (same ids), so the order saga never waits forever.
            for event in decision.eventEnvelopes(causedBy: envelope, occurredAt: now) {
                try await context.publish(event, to: Topics.paymentEvents)
            }
            for reply in decision.replyEnvelopes(causedBy: envelope, occurredAt: now) {
                let command = Envelope(id: reply.id, occurredAt: reply.occurredAt, causationId: reply.causationId,
                                       correlationId: reply.correlationId, tenant: reply.tenant, key: reply.key,
                                       payload: OrderCommand.paymentResult(reply.payload))
                try await context.publish(command, to: Topics.orderCommands)
            }
            let events = decision.events
            await store.update(message.partition) { state in events.forEach { state.apply($0) } }
        }
        return [commands]
    }
}
