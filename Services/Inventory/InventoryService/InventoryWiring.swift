import Contracts
import Foundation
import InventoryCore
import Kafka
import Runtime
import ServiceKit

/// Connects InventoryCore to Kafka: commands in, events out, state folded from the events.
enum InventoryWiring {
    static let commandGroup = "inventory"
    static let inboundGroup = "inventory-inbound"

    static func parts(_ context: ServiceContext) throws -> [any Service] {
        let store = PartitionedStateStore<InventoryState>(
            context: context, commandTopic: Topics.inventoryCommands.name, eventTopic: Topics.inventoryEvents.name,
            initial: { InventoryState() },
            fold: { state, message in
                // Our own topic: a record we cannot read is logged by the DLQ of its consumers, not fatal here.
                if let envelope = try? WireFormat.decode(message.value, as: InventoryEvent.self) {
                    state.apply(envelope.payload)
                }
            })
        let decider = InventoryDecider()
        // One partition's waiting commands are decided one after another in memory and their
        // outputs published in one round trip each: a hot SKU's flash sale runs at memory speed.
        let handle: @Sendable ([(envelope: Envelope<InventoryCommand>, message: KafkaMessage)]) async throws -> Void = { items in
            guard let partition = items.first?.message.partition else { return }
            try await store.ensureRestored(partition)
            let now = Date()
            let batch = try await store.decide(partition) { state in
                var batch = DecidedBatch()
                for (envelope, _) in items {
                    if let fanned = fanOut(envelope) {
                        batch.copies += fanned
                        continue
                    }
                    let decision = decider.decide(envelope, state: state)
                    batch.events += decision.envelopes(causedBy: envelope, occurredAt: now)
                    batch.replies += decision.replyEnvelopes(causedBy: envelope, occurredAt: now,
                                                             as: { OrderCommand.stockReservationResult($0) })
                    decision.events.forEach { state.apply($0) }
                    if let (address, reply) = StockCommandAnswer.reply(to: envelope, decision: decision, after: state) {
                        batch.answers.append((address, envelope.causing(reply, index: 0, key: address.instance, occurredAt: now)))
                    }
                }
                return batch
            }
            // Events, then replies, then (by the consume loop) the offsets: a crash in between
            // replays the commands; the restored state recognises their ids as duplicates and the
            // decisions carry the same replies again, with the same ids. Answers to suppliers
            // waiting at a gateway come last: a replayed one says "duplicate", to a request that
            // has timed out by then (the outcome is on inventory.events.v1 either way).
            try await store.commit(partition) {
                try await context.publishAll(batch.copies, to: Topics.inventoryCommands)
                let delivered = try await context.publishAll(batch.events, to: Topics.inventoryEvents)
                try await context.publishAll(batch.replies, to: Topics.orderCommands)
                try await context.replyAll(batch.answers)
                return delivered
            }
        }
        let commands = try context.consume([Topics.inventoryCommands], group: commandGroup, singleWriter: true,
                                           onAssignment: { store.assignmentChanged($0) }, batch: handle) { envelope, message in
            try await handle([(envelope, message)])
        }
        // Outside systems write stock commands to the inbound topic; relaying them unchanged onto the
        // command topic keeps one writer per SKU (and a re-sent record keeps its id: a duplicate).
        let inbound = try context.consume([Topics.inventoryInbound], group: inboundGroup, batch: { items in
            try await context.publishAll(items.map(\.envelope), to: Topics.inventoryCommands)
        }) { envelope, _ in
            try await context.publish(envelope, to: Topics.inventoryCommands)
        }
        // The checkpointer before the consumer: stopped after it, so the last snapshot follows the last batch.
        return [store.checkpointer, commands, inbound]
    }

    /// Keys of the per-partition copies of warehouse-level commands.
    static let regionKeys = PartitionKeys.covering(partitions: Topics.inventoryCommands.partitions, prefix: "warehouse-region-")

    /// A warehouse's region matters to every SKU partition. Whoever sends it (gateway, ERP through
    /// the inbound topic) sends one message; the partition it lands on turns it into one copy per
    /// partition, each with an id derived from the original, so a replay copies with the same ids.
    static func fanOut(_ envelope: Envelope<InventoryCommand>) -> [Envelope<InventoryCommand>]? {
        guard case .setWarehouseRegion = envelope.payload, !regionKeys.contains(envelope.key) else { return nil }
        return regionKeys.map { key in
            Envelope(id: MessageID.derived(from: envelope.id.rawValue, "copy", key), occurredAt: envelope.occurredAt,
                     causationId: envelope.id, correlationId: envelope.correlationId, tenant: envelope.tenant,
                     key: key, payload: envelope.payload)
        }
    }
}

/// What one batch of stock commands decided, published after the decisions.
private struct DecidedBatch: Sendable {
    var copies: [Envelope<InventoryCommand>] = []
    var events: [Envelope<InventoryEvent>] = []
    var replies: [Envelope<OrderCommand>] = []
    /// To suppliers waiting at a gateway instance (`StockCommandAnswer`).
    var answers: [(address: ReplyAddress, envelope: Envelope<StockCommandReply>)] = []
}
