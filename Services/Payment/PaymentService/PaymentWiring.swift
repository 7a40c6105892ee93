import Contracts
import Foundation
import Kafka
import PaymentCore
import Runtime
import ServiceKit

/// Connects PaymentCore to Kafka: payment commands in (keyed by payer), payment events out, and
/// the answers to the order saga on the buyer's partition of `order.commands.v1`.
enum PaymentWiring {
    static func parts(_ context: ServiceContext, settings: PaymentSettings) throws -> [any Service] {
        let store = PartitionedStateStore<PaymentState>(
            context: context, commandTopic: Topics.paymentCommands.name, eventTopic: Topics.paymentEvents.name,
            initial: { PaymentState() },
            fold: { state, message in
                if let envelope = try? WireFormat.decode(message.value, as: PaymentEvent.self) { state.apply(envelope.payload) }
            })
        let decider = PaymentDecider()
        let rules = try SettlementRulesReplica(context: context)
        // One partition's waiting commands are decided one after another in memory; their outputs
        // go out in one round trip per topic. Queries read the state as the commands before them left it.
        let handle: @Sendable ([(envelope: Envelope<PaymentCommand>, message: KafkaMessage)]) async throws -> Void = { items in
            guard let partition = items.first?.message.partition else { return }
            try await store.ensureRestored(partition)
            await rules.waitUntilRestored()
            let now = Date()
            let settlementRules = rules.current?.rules ?? []
            let batch = try await store.decide(partition) { state in
                var batch = DecidedBatch()
                for (envelope, _) in items {
                    if let (address, reply) = PaymentQueries.answer(envelope.payload, state: state, now: now) {
                        batch.answers.append((address, Envelope(
                            id: MessageID.derived(from: "reply", envelope.id.rawValue), occurredAt: now, causationId: envelope.id,
                            correlationId: envelope.correlationId, tenant: envelope.tenant, key: address.instance, payload: reply)))
                        continue
                    }
                    let decision = decider.decide(envelope, state: state, now: now, settlementRules: settlementRules)
                    let published = decision.eventEnvelopes(causedBy: envelope, occurredAt: now)
                    // Rules decided on this partition apply on every partition: every instance follows them.
                    batch.rulesCopies += published.filter { if case .settlementRulesSet = $0.payload { true } else { false } }
                    batch.events += published
                    batch.results += decision.replyEnvelopes(causedBy: envelope, occurredAt: now).map { reply in
                        Envelope(id: reply.id, occurredAt: reply.occurredAt, causationId: reply.causationId,
                                 correlationId: reply.correlationId, tenant: reply.tenant, key: reply.key,
                                 payload: OrderCommand.paymentResult(reply.payload))
                    }
                    decision.events.forEach { state.apply($0) }
                }
                return batch
            }
            // Rules copies first (compacted: a crash before the events repeats both harmlessly), then
            // events, then the answers to the saga, then the state's commit; a replayed command is a
            // duplicate that carries the same answers again (same ids), so the order saga never waits forever.
            try await store.commit(partition) {
                try await context.publishAll(batch.rulesCopies, to: Topics.paymentSettlementRules)
                let delivered = try await context.publishAll(batch.events, to: Topics.paymentEvents)
                try await context.publishAll(batch.results, to: Topics.orderCommands)
                return delivered
            }
            try await context.replyAll(batch.answers)
        }
        let commands = try context.consume([Topics.paymentCommands], group: PaymentSubscriptions.group, singleWriter: true,
                                           onAssignment: { store.assignmentChanged($0) }, batch: handle) { envelope, message in
            try await handle([(envelope, message)])
        }
        // Invoices past their due date are marked overdue (credit is already refused at
        // authorization time for them; the mark makes it an event that notifications can follow),
        // and payers are reminded as their invoices fall due (7, 3 and 1 days before). Deadlines
        // and reminders are state here, where every invoice is held, so none is ever forgotten.
        let reminderDays = decider.limits.invoiceReminderDays
        let deadlines = Ticker(name: "payment-invoice-deadlines", every: settings.deadlineCheckInterval) {
            let now = Date()
            for (_, state) in await store.allStates {
                for payer in state.payersWithRemindersDue(at: now, days: reminderDays) {
                    await context.sendTick(PaymentCommand.remindInvoicesDue(RemindInvoicesDue(payer: payer, now: now)),
                                           kind: "invoice-reminder", key: payer.rawValue, at: now, to: Topics.paymentCommands)
                }
                for payer in state.payersWithInvoicesDue(at: now) {
                    await context.sendTick(PaymentCommand.markOverdueDue(MarkOverdueDue(payer: payer, now: now)), kind: "overdue",
                                           key: payer.rawValue, at: now, to: Topics.paymentCommands)
                }
            }
        }
        // The checkpointer before the consumer: stopped after it, so the last snapshot follows the last batch.
        return rules.services + [store.checkpointer, commands, deadlines]
    }
}

/// What one batch of payment commands decided and answered, published after the decisions.
private struct DecidedBatch: Sendable {
    var rulesCopies: [Envelope<PaymentEvent>] = []
    var events: [Envelope<PaymentEvent>] = []
    var results: [Envelope<OrderCommand>] = []
    var answers: [(address: ReplyAddress, envelope: Envelope<PaymentQueryReply>)] = []
}
