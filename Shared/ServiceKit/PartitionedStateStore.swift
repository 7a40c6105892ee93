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
/// (`nextOffsets`). Restoring sets it to the end the read reached; every `commit` moves it past the
/// offsets of the events its batch applied, which the caller has from the producer's delivery
/// reports (the broker assigns offsets only on delivery, and `commit` runs after delivery). Reading the
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
    /// The Kafka cluster the partitions were restored from, recorded in their snapshots.
    var clusterId: String?
    /// Partitions whose state changed since their last snapshot.
    var changed: Set<Int32> = []
    /// Partitions whose batch is being decided or published (between `decide` and `commit`).
    var inFlight: Set<Int32> = []
    /// Snapshot writes happen one after another in the order they were asked for.
    let checkpointRounds = SerialRounds<[Int32]>()
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

    /// Decides a batch of partition p's commands on its state in place: `body` applies each
    /// decision's events as it goes, so later commands of the batch see the earlier ones. The state
    /// is not copied (a copy of a partition holding thousands of orders per batch was most of a
    /// service's CPU under load). Until `commit`, the partition is "in flight": its state holds
    /// events that may not be delivered yet, so it is not checkpointed. Call `commit` once the
    /// events are delivered, or `abandon` if publishing failed. A `body` that throws abandons.
    public func decide<Output: Sendable>(_ partition: Int32,
                                         _ body: @Sendable (inout State) throws -> Output) throws -> Output {
        // Revoked between `ensureRestored` and here: deciding on an empty state would answer
        // "unknown order" to commands of orders that exist.
        guard states[partition] != nil else { throw StateNotRestored(topic: eventTopic, partition: partition) }
        inFlight.insert(partition)
        do {
            return try body(&states[partition, default: initial()])
        } catch {
            abandon(partition)
            throw error
        }
    }

    /// Ends partition p's batch whose events were delivered: the state now covers the event topic
    /// up to the highest offset among `delivered` (the broker assigns offsets only on delivery).
    public func commit(_ partition: Int32, covering delivered: [DeliveryReport]) {
        inFlight.remove(partition)
        let topic = eventTopic
        let offsets = delivered.filter { $0.topic == topic && $0.partition == partition }.map(\.offset)
        // No events, no change a snapshot must keep: the state is a fold of its events. Without a
        // known starting point (revoked while deciding) the partition is not checkpointed at all.
        guard let last = offsets.max(), let covered = nextOffsets[partition] else { return }
        nextOffsets[partition] = max(covered, last + 1)
        changed.insert(partition)
    }

    /// Ends partition p's batch whose events may not all have been delivered: its state, which
    /// holds them all, is dropped, and the next `ensureRestored` rebuilds it from the snapshot and
    /// the topic, which hold only what was delivered. The retried commands then decide again
    /// (same ids), and what was delivered is recognised as done.
    public func abandon(_ partition: Int32) {
        inFlight.remove(partition)
        guard states.removeValue(forKey: partition) != nil else { return }
        nextOffsets.removeValue(forKey: partition)
        changed.remove(partition)
        context.logger.warning("batch abandoned; the partition's state is restored again before the next one",
                               ["topic": eventTopic, "partition": "\(partition)"])
        updateReadiness()
    }

    /// Ends partition p's batch: runs `publish` (the batch's sends, returning the delivery reports
    /// of its events), then commits, or abandons if `publish` throws.
    @discardableResult
    public nonisolated func commit(_ partition: Int32,
                                   afterPublishing publish: @Sendable () async throws -> [DeliveryReport]) async throws
        -> [DeliveryReport] {
        do {
            let delivered = try await publish()
            await commit(partition, covering: delivered)
            return delivered
        } catch {
            await abandon(partition)
            throw error
        }
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
        if let cluster = restored.cluster { clusterId = cluster }
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

/// Thrown by `PartitionedStateStore.decide` for a partition this instance does not hold (any more).
public struct StateNotRestored: Error, CustomStringConvertible {
    public let topic: String
    public let partition: Int32
    public var description: String { "the state of \(topic)[\(partition)] is not restored here" }
}
