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
        let rules = try SettlementRulesReplica(context: context)
        let commands = try context.consume([Topics.paymentCommands], group: PaymentSubscriptions.group, singleWriter: true,
                                           onAssignment: { store.assignmentChanged($0) }) { envelope, message in
            try await store.ensureRestored(message.partition)
            if let (address, reply) = PaymentQueries.answer(envelope.payload, state: await store.state(of: message.partition),
                                                            now: Date()) {
                try await context.reply(to: address, Envelope(
                    id: MessageID.derived(from: "reply", envelope.id.rawValue), occurredAt: Date(), causationId: envelope.id,
                    correlationId: envelope.correlationId, tenant: envelope.tenant, key: address.instance, payload: reply))
                return
            }
            await rules.waitUntilRestored()
            let now = Date()
            let decision = decider.decide(envelope, state: await store.state(of: message.partition), now: now,
                                          settlementRules: rules.current?.rules ?? [])
            // Events, then replies, then state; a replayed command is a duplicate that carries the
            // same replies again (same ids), so the order saga never waits forever.
            for event in decision.eventEnvelopes(causedBy: envelope, occurredAt: now) {
                // Rules decided on this partition apply on every partition: every instance follows
                // them. Sent first, so a crash before the event repeats both (the copy is compacted).
                if case .settlementRulesSet = event.payload {
                    try await context.publish(event, to: Topics.paymentSettlementRules)
                }
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
        // Invoices past their due date are marked overdue (credit is already refused at
        // authorization time for them; the mark makes it an event that notifications can follow).
        let overdue = Ticker(name: "payment-overdue", every: .seconds(60)) {
            let now = Date()
            for (_, state) in await store.allStates {
                for payer in state.payersWithInvoicesDue(at: now) {
                    let envelope = Envelope(id: MessageID.derived(from: "overdue", payer.rawValue, String(Int(now.timeIntervalSince1970))),
                                            occurredAt: now, causationId: nil, correlationId: CorrelationID(MessageID.random()),
                                            tenant: context.settings.tenant, key: payer.rawValue,
                                            payload: PaymentCommand.markOverdueDue(MarkOverdueDue(payer: payer, now: now)))
                    do {
                        try await context.publish(envelope, to: Topics.paymentCommands)
                    } catch {
                        context.logger.warning("overdue tick not sent; will retry", ["payer": payer.rawValue, "reason": "\(error)"])
                    }
                }
            }
        }
        return rules.services + [commands, overdue]
    }
}
