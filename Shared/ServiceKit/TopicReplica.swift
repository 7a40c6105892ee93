import Contracts
import Foundation
import Kafka
import Runtime

/// A full, read-only copy of one or more topics in memory: every partition is read to its end at
/// start (the process reports ready only after that), then a consumer of its own follows new
/// records. The restore and the follower both read each partition from its start (or from where
/// a checkpoint of the fold ends, see `resumingAt`), in offset order; the replica hands `fold`
/// each record once, in offset order per partition, whichever of the two gets there first (a fold of deltas, such as units reserved, counted records twice, and
/// a fold of whole records went back to older ones for a moment after a restart).
///
/// The gateway keeps its catalog, identity and dashboard replicas this way; the catalog service
/// keeps the whole catalog to check commands that read other products; analytics folds the event
/// topics into its dashboards, resuming from its checkpoint.
public final class TopicReplica: Sendable {
    private let context: ServiceContext
    private let topics: [(name: String, partitions: Int)]
    private let fold: @Sendable (KafkaMessage) -> Void
    private let positions: [TopicPartition: Int64]
    private let condition: String
    private let restored = Latch()
    private let cluster = Locked<String?>(nil)
    public let follower: ConsumerService

    /// A `.relaxed` replica trails the topics' ends by up to a few tens of milliseconds more (see
    /// `FetchPace`); use it where no request reads its own write through the copy.
    ///
    /// `resumingAt` holds, per partition, the first offset the fold has not seen yet: the
    /// positions of a checkpoint the caller restored the fold from. Both the restore and the
    /// follower start there (a partition not named starts at its beginning).
    public init(context: ServiceContext, name: String, topics: [(name: String, partitions: Int)],
                pace: KafkaSettings.FetchPace = .prompt, resumingAt positions: [TopicPartition: Int64] = [:],
                fold: @escaping @Sendable (KafkaMessage) -> Void) throws {
        self.context = context
        self.topics = topics
        self.positions = positions
        condition = "replica-restored:\(name)"
        context.readiness.require(condition)
        let once = FoldOnce(topics: topics, positions: positions, fold: fold)
        self.fold = once.deliver
        // A group of its own per process start: the copy lives in memory, so it is rebuilt from the
        // beginning (or the caller's checkpoint), never resumed from offsets a previous run committed.
        let group = "\(context.settings.serviceName)-replica-\(name)-\(context.settings.instanceId)-\(RandomUUID.lowercasedText().prefix(8))"
        follower = try context.consumer(group: group, topics: topics.map(\.name), pace: pace, startOffsets: positions,
                                        handler: once.deliver)
    }

    /// Reads every partition to its current end (from the positions resumed at); call before
    /// serving reads. Returns how many records it read.
    @discardableResult
    public func restore() async throws -> Int {
        let start = ContinuousClock.now
        var total = 0
        try await withThrowingTaskGroup(of: Int.self) { group in
            for topic in topics {
                for partition in 0..<topic.partitions {
                    let from = positions[TopicPartition(topic: topic.name, partition: Int32(partition))] ?? 0
                    group.addTask { [context, fold, cluster] in
                        let outcome = try await KafkaPartitionReader.read(settings: context.settings.kafka, topic: topic.name,
                                                                          partition: Int32(partition), from: from,
                                                                          logger: context.logger, each: fold)
                        if let id = outcome.clusterId { cluster.withLock { $0 = id } }
                        if from > 0 && outcome.logStart > from {
                            // Resumed from a checkpoint older than what the topic still keeps.
                            context.logger.warning("records after the checkpoint were dropped by retention before they were read",
                                                   ["topic": topic.name, "partition": "\(partition)",
                                                    "lost": "\(outcome.logStart - from)"])
                        }
                        return outcome.messages
                    }
                }
            }
            for try await count in group { total += count }
        }
        restored.open()
        context.readiness.set(condition, true)
        context.logger.info("replica restored", ["replica": condition, "records": "\(total)",
                                                 "seconds": String(format: "%.2f", (ContinuousClock.now - start).seconds)])
        return total
    }

    /// Suspends until the first full restore finished (commands must not be decided on a partial copy).
    public func waitUntilRestored() async { await restored.wait() }

    public var isRestored: Bool { restored.isOpen }

    /// The id of the Kafka cluster the restore read (nil before it did, or when the cluster did
    /// not say): what a checkpoint of the fold records.
    public var clusterId: String? { cluster.withLock { $0 } }

    /// A service that restores the replica and then parks; restoring in the background lets the
    /// admin port answer (not ready) while a large replica loads.
    public func restorer() -> any Service { ReplicaRestorer(replica: self) }

    fileprivate func logFailure(_ error: any Error) {
        context.logger.warning("replica restore failed, retrying", ["replica": condition, "reason": "\(error)"])
    }
}

private struct ReplicaRestorer: Service {
    let replica: TopicReplica
    let stopped = Latch()
    var name: String { "replica-restore" }

    func run() async throws {
        var delay = Duration.seconds(1)
        while !stopped.isOpen {
            do {
                try await replica.restore()
                break
            } catch {
                // Kafka may be unreachable for a moment; the service stays not-ready meanwhile.
                replica.logFailure(error)
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(30))
            }
        }
        await stopped.wait()
    }

    func shutdown() async { stopped.open() }
}

/// Hands each record of the replicated partitions to the fold once: a lock per partition holds the
/// highest offset folded, and the fold runs under it, so records of one partition are folded in
/// offset order while partitions fold side by side.
private struct FoldOnce: Sendable {
    private let folded: [String: [Locked<Int64>]]
    private let fold: @Sendable (KafkaMessage) -> Void

    init(topics: [(name: String, partitions: Int)], positions: [TopicPartition: Int64],
         fold: @escaping @Sendable (KafkaMessage) -> Void) {
        var folded: [String: [Locked<Int64>]] = [:]
        for topic in topics {
            folded[topic.name] = (0..<topic.partitions).map { partition in
                Locked((positions[TopicPartition(topic: topic.name, partition: Int32(partition))] ?? 0) - 1)
            }
        }
        self.folded = folded
        self.fold = fold
    }

    func deliver(_ message: KafkaMessage) {
        guard let partitions = folded[message.topic], partitions.indices.contains(Int(message.partition)) else {
            // A partition added after start (the topic grew): nothing to tell the two sources apart by.
            return fold(message)
        }
        partitions[Int(message.partition)].withLock { highest in
            guard message.offset > highest else { return }
            fold(message)
            highest = message.offset
        }
    }
}
