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
        let commands = try context.consume([Topics.inventoryCommands], group: commandGroup, singleWriter: true,
                                           onAssignment: { store.assignmentChanged($0) }) { envelope, message in
            if let copies = fanOut(envelope) {
                try await context.publishAll(copies, to: Topics.inventoryCommands)
                return
            }
            try await store.ensureRestored(message.partition)
            let decision = decider.decide(envelope, state: await store.state(of: message.partition))
            let now = Date()
            // Events, then replies, then state, then (by the consume loop) the offset: a crash in
            // between replays the command; the restored state recognises its id as a duplicate and
            // the decision carries the same reply again, with the same id.
            try await context.publishAll(decision.envelopes(causedBy: envelope, occurredAt: now), to: Topics.inventoryEvents)
            try await context.publishAll(decision.replyEnvelopes(causedBy: envelope, occurredAt: now,
                                                                 as: { OrderCommand.stockReservationResult($0) }),
                                         to: Topics.orderCommands)
            let events = decision.events
            await store.update(message.partition) { state in events.forEach { state.apply($0) } }
        }
        // Outside systems write stock commands to the inbound topic; relaying them unchanged onto the
        // command topic keeps one writer per SKU (and a re-sent record keeps its id: a duplicate).
        let inbound = try context.consume([Topics.inventoryInbound], group: inboundGroup) { envelope, _ in
            try await context.publish(envelope, to: Topics.inventoryCommands)
        }
        return [commands, inbound]
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
