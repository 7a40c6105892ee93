import Foundation
import Kafka
import Runtime

/// The state of a single-writer service, one value per command partition.
///
/// A service's command topic and its event topic share partition count and key, so the state of
/// command partition p is the fold of event partition p. When p is assigned the store restores it
/// from Kafka before any command of p is decided; when p is revoked its state is dropped (another
/// instance owns it now and may change it). The service reports ready only when every assigned
/// partition is restored.
public actor PartitionedStateStore<State: Sendable> {
    private let context: ServiceContext
    private let commandTopic: String
    private let eventTopic: String
    private let initial: @Sendable () -> State
    private let fold: @Sendable (inout State, KafkaMessage) -> Void
    private var states: [Int32: State] = [:]
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
        self.fold = fold
        readinessCondition = "state-restored:\(eventTopic)"
        context.readiness.require(readinessCondition)
    }

    /// The state of partition p; call `ensureRestored(p)` first.
    public func state(of partition: Int32) -> State { states[partition] ?? initial() }

    /// Changes the state of partition p after its events were published.
    public func update(_ partition: Int32, _ change: @Sendable (inout State) -> Void) {
        var state = states[partition] ?? initial()
        change(&state)
        states[partition] = state
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
        let context = self.context, topic = eventTopic, initial = self.initial, fold = self.fold
        let task = Task {
            let folded = Locked(initial())
            let count = try await KafkaPartitionReader.readToEnd(settings: context.settings.kafka, topic: topic,
                                                                 partition: partition, logger: context.logger) { message in
                folded.withLock { fold(&$0, message) }
            }
            self.finishRestore(partition, state: folded.withLock { $0 }, count: count)
        }
        restoring[partition] = task
        do {
            try await task.value
        } catch {
            restoring.removeValue(forKey: partition)
            throw error
        }
    }

    private func finishRestore(_ partition: Int32, state: State, count: Int) {
        restoring.removeValue(forKey: partition)
        // Revoked while restoring: another instance owns it now.
        guard assigned.contains(partition) || assigned.isEmpty else { return }
        states[partition] = state
        updateReadiness()
        if count > 0 {
            context.logger.info("state restored", ["topic": eventTopic, "partition": "\(partition)", "events": "\(count)"])
        }
    }
}
