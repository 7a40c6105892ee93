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
            try await store.ensureRestored(message.partition)
            let decision = decider.decide(envelope, state: await store.state(of: message.partition))
            // Events are published before the state changes and before the offset is stored: a crash
            // in between replays the command, and the restored state recognises its id (duplicate).
            for event in decision.envelopes(causedBy: envelope, occurredAt: Date()) {
                try await context.publish(event, to: Topics.inventoryEvents)
            }
            let events = decision.events
            await store.update(message.partition) { $0 = $0.applying(events) }
        }
        // Outside systems write stock commands to the inbound topic; relaying them unchanged onto the
        // command topic keeps one writer per SKU (and a re-sent record keeps its id: a duplicate).
        let inbound = try context.consume([Topics.inventoryInbound], group: inboundGroup) { envelope, _ in
            try await context.publish(envelope, to: Topics.inventoryCommands)
        }
        return [commands, inbound]
    }
}
