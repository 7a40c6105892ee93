import Contracts
import Foundation
import InventoryCore
import Kafka
import Runtime
import ServiceKit

/// Inventory state per command partition. `inventory.commands.v1` and `inventory.events.v1` have
/// the same partition count and key (SKU), so the state of command partition p is the fold of
/// event partition p: restored from Kafka when p is assigned, before any command of p is decided.
actor InventoryStore {
    private let context: ServiceContext
    private var states: [Int32: InventoryState] = [:]
    private var restoring: [Int32: Task<Void, any Error>] = [:]
    private var assigned: Set<Int32> = []
    private static let readinessCondition = "state-restored"

    init(context: ServiceContext) {
        self.context = context
        context.readiness.require(Self.readinessCondition)
    }

    func state(of partition: Int32) -> InventoryState { states[partition] ?? InventoryState() }

    func apply(_ events: [InventoryEvent], partition: Int32) {
        states[partition, default: InventoryState()] = state(of: partition).applying(events)
    }

    /// Called from the consumer's rebalance callback (not isolated): hops onto the actor.
    nonisolated func assignmentChanged(_ assignment: ConsumerAssignment) {
        let partitions = Set(assignment.partitions.filter { $0.topic == Topics.inventoryCommands.name }.map(\.partition))
        Task { await self.track(partitions) }
    }

    private func track(_ partitions: Set<Int32>) async {
        assigned = partitions
        // A revoked partition's state is dropped: if it comes back it is restored afresh, since
        // another instance may have changed it meanwhile.
        for partition in states.keys where !partitions.contains(partition) {
            states.removeValue(forKey: partition)
            restoring.removeValue(forKey: partition)
        }
        updateReadiness()
        for partition in partitions.sorted() {
            do {
                try await ensureRestored(partition)
            } catch {
                context.logger.error("restoring inventory state failed", ["partition": "\(partition)", "reason": "\(error)"])
            }
        }
        updateReadiness()
    }

    private func updateReadiness() {
        let done = assigned.allSatisfy { states[$0] != nil }
        context.readiness.set(Self.readinessCondition, done)
    }

    /// Restores partition p once; concurrent callers share the same restoration.
    func ensureRestored(_ partition: Int32) async throws {
        if states[partition] != nil { return }
        if let running = restoring[partition] { return try await running.value }
        let context = self.context
        let task = Task {
            let events = Locked<[InventoryEvent]>([])
            let count = try await KafkaPartitionReader.readToEnd(
                settings: context.settings.kafka, topic: Topics.inventoryEvents.name, partition: partition,
                logger: context.logger) { message in
                    // Our own topic: a record we cannot read is a bug to see in the log, not a reason to stop.
                    if let envelope = try? WireFormat.decode(message.value, as: InventoryEvent.self) {
                        events.withLock { $0.append(envelope.payload) }
                    }
                }
            self.finishRestore(partition, events: events.value, count: count)
        }
        restoring[partition] = task
        do {
            try await task.value
        } catch {
            restoring.removeValue(forKey: partition)
            throw error
        }
    }

    private func finishRestore(_ partition: Int32, events: [InventoryEvent], count: Int) {
        states[partition] = InventoryState().applying(events)
        restoring.removeValue(forKey: partition)
        updateReadiness()
        if count > 0 {
            context.logger.info("inventory state restored", ["partition": "\(partition)", "events": "\(count)"])
        }
    }
}
