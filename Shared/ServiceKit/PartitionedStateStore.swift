import Foundation
import Kafka
import Runtime

/// The state of a single-writer service, one value per command partition.
///
/// A service's command topic and its event topic share partition count and key, so the state of
/// command partition p is the fold of event partition p. When p is assigned the store restores it
/// before any command of p is decided: from the local snapshot plus the events after it, or by
/// folding the event topic from its beginning (see `PartitionRestorer`). When p is revoked its
/// state is dropped (another instance owns it now and may change it). The service reports ready
/// only when every assigned partition is restored.
///
/// Checkpoints: the store knows, per partition, the first event offset its state does not cover
/// (`nextOffsets`). Restoring sets it to the end the read reached; every `update` moves it past the
/// offsets of the events it applies, which the caller has from the producer's delivery reports
/// (the broker assigns offsets only on delivery, and `update` runs after delivery). Reading the
/// partition's end offset at checkpoint time instead would be wrong: a batch whose events are
/// delivered but not yet applied would be counted as covered and lost on restore.
public actor PartitionedStateStore<State: Codable & Sendable> {
    let context: ServiceContext
    private let commandTopic: String
    let eventTopic: String
    private let initial: @Sendable () -> State
    let restorer: PartitionRestorer<State>
    let checkpointInterval: Duration?
    var states: [Int32: State] = [:]
    var nextOffsets: [Int32: Int64] = [:]
    /// Partitions whose state changed since their last snapshot.
    var changed: Set<Int32> = []
    /// The last snapshot write, so writes happen one after another in the order they were taken.
    var lastWrite: Task<Void, Never>?
    private var restoring: [Int32: Task<Void, any Error>] = [:]
    private var assigned: Set<Int32> = []
    private let readinessCondition: String

    public init(context: ServiceContext, commandTopic: String, eventTopic: String,
                initial: @escaping @Sendable () -> State,
                fold: @escaping @Sendable (inout State, KafkaMessage) -> Void) {
        self.context = context
        self.commandTopic = commandTopic
        self.eventTopic = eventTopic
        self.initial = initial
        checkpointInterval = context.settings.checkpointInterval
        restorer = PartitionRestorer(kafka: context.settings.kafka, topic: eventTopic,
                                     snapshotDirectory: checkpointInterval == nil ? nil : context.settings.stateDirectory,
                                     logger: context.logger, initial: initial, fold: fold)
        readinessCondition = "state-restored:\(eventTopic)"
        context.readiness.require(readinessCondition)
    }

    /// The state of partition p; call `ensureRestored(p)` first.
    public func state(of partition: Int32) -> State { states[partition] ?? initial() }

    /// Changes the state of partition p after its events were published. `delivered` are the
    /// delivery reports of those events: the state now covers the event topic up to the highest
    /// offset among them. (A batch whose events were delivered but whose `update` never came, e.g.
    /// a later publish failed, leaves events below that offset unapplied; the retry decides the
    /// same commands again and applies the same events, with the same ids, so the state still
    /// equals the fold, where the repeated events are no-ops.)
    public func update(_ partition: Int32, covering delivered: [DeliveryReport], _ change: @Sendable (inout State) -> Void) {
        var state = states[partition] ?? initial()
        change(&state)
        states[partition] = state
        let topic = eventTopic
        let offsets = delivered.filter { $0.topic == topic && $0.partition == partition }.map(\.offset)
        // No events, no change a snapshot must keep: the state is a fold of its events. Without a
        // known starting point (revoked while deciding) the partition is not checkpointed at all.
        guard let last = offsets.max(), let covered = nextOffsets[partition] else { return }
        nextOffsets[partition] = max(covered, last + 1)
        changed.insert(partition)
    }

    /// Every restored partition's state (for timers that scan all of them).
    public var allStates: [Int32: State] { states }

    /// For the consumer's assignment callback (a librdkafka thread): hops onto the actor.
    public nonisolated func assignmentChanged(_ assignment: ConsumerAssignment) {
        let partitions = Set(assignment.partitions.filter { $0.topic == commandTopic }.map(\.partition))
        Task { await self.track(partitions) }
    }

    private func track(_ partitions: Set<Int32>) async {
        assigned = partitions
        for partition in states.keys where !partitions.contains(partition) {
            states.removeValue(forKey: partition)
            nextOffsets.removeValue(forKey: partition)
            changed.remove(partition)
            restoring.removeValue(forKey: partition)
        }
        updateReadiness()
        for partition in partitions.sorted() {
            do {
                try await ensureRestored(partition)
            } catch {
                context.logger.error("restoring state failed", ["topic": eventTopic, "partition": "\(partition)",
                                                                "reason": "\(error)"])
            }
        }
    }

    private func updateReadiness() {
        context.readiness.set(readinessCondition, assigned.allSatisfy { states[$0] != nil })
    }

    /// Restores partition p once; concurrent callers share the same restoration.
    public func ensureRestored(_ partition: Int32) async throws {
        if states[partition] != nil { return }
        if let running = restoring[partition] { return try await running.value }
        let restorer = self.restorer
        let task = Task {
            let restored = try await restorer.restore(partition)
            self.finishRestore(partition, restored)
        }
        restoring[partition] = task
        do {
            try await task.value
        } catch {
            restoring.removeValue(forKey: partition)
            throw error
        }
    }

    private func finishRestore(_ partition: Int32, _ restored: RestoredPartition<State>) {
        restoring.removeValue(forKey: partition)
        // Revoked while restoring: another instance owns it now.
        guard assigned.contains(partition) || assigned.isEmpty else { return }
        states[partition] = restored.state
        nextOffsets[partition] = restored.nextOffset
        // A long fold is worth a snapshot soon, so the next restart does not repeat it.
        if restored.events > 0 { changed.insert(partition) }
        updateReadiness()
        let source = restored.snapshotOffset == nil ? "topic" : "snapshot"
        context.metrics.counter("tradeflow_state_restores_total", help: "Partitions restored, by source",
                                labels: ["topic": eventTopic, "source": source]).increment()
        context.metrics.counter("tradeflow_state_restore_events_total", help: "Events folded while restoring partitions",
                                labels: ["topic": eventTopic]).increment(by: Int64(restored.events))
        if restored.events > 0 || restored.snapshotOffset != nil {
            var details = ["topic": eventTopic, "partition": "\(partition)", "events": "\(restored.events)", "source": source]
            if let offset = restored.snapshotOffset { details["snapshotOffset"] = "\(offset)" }
            context.logger.info("state restored", details)
        }
    }
}
