import Foundation
import Kafka
import Runtime

/// A partition's state as restored, and how far into the event topic it reaches.
public struct RestoredPartition<State: Sendable>: Sendable {
    public let state: State
    /// The first event offset the state does not cover.
    public let nextOffset: Int64
    /// Where the snapshot used ended, or nil when the topic was folded from its beginning.
    public let snapshotOffset: Int64?
    /// Events folded on top of the snapshot (or from the beginning).
    public let events: Int
    /// The cluster read (nil when it did not say): what the next snapshot records.
    public let cluster: String?
}

/// Rebuilds the state of one partition: from its local snapshot plus the events after it when a
/// usable snapshot exists, else by folding the event topic from its beginning (a new owner on
/// another machine, a first start, a corrupt or foreign file).
///
/// With `handledBy` a consumer group, the state is a memory that group's consumer keeps of the
/// records it handled (not the fold of a topic this service writes), so it is restored only up to
/// the group's committed offset: the records after it are the consumer's to handle next.
public struct PartitionRestorer<State: Codable & Sendable>: Sendable {
    let kafka: KafkaSettings
    let topic: String
    let handledBy: String?
    let timeout: Duration
    /// nil: checkpoints are off, so snapshots are neither written nor read.
    let snapshotDirectory: String?
    let logger: Logger
    let initial: @Sendable () -> State
    let fold: @Sendable (inout State, KafkaMessage) -> Void

    public init(kafka: KafkaSettings, topic: String, handledBy group: String? = nil, snapshotDirectory: String?,
                logger: Logger, timeout: Duration = .seconds(60),
                initial: @escaping @Sendable () -> State, fold: @escaping @Sendable (inout State, KafkaMessage) -> Void) {
        self.kafka = kafka
        self.topic = topic
        handledBy = group
        self.timeout = timeout
        self.snapshotDirectory = snapshotDirectory
        self.logger = logger
        self.initial = initial
        self.fold = fold
    }

    public func restore(_ partition: Int32) async throws -> RestoredPartition<State> {
        let labels = ["topic": topic, "partition": "\(partition)"]
        if let snapshot = await loadSnapshot(partition) {
            let (state, read) = try await foldEvents(partition, onto: snapshot.state, from: snapshot.nextOffset)
            let otherCluster = snapshot.isFromAnotherCluster(than: read.clusterId)
            if read.highWatermark >= snapshot.nextOffset && !otherCluster {
                if snapshot.nextOffset < read.logStart {
                    // Retention (the mock keeps ~5 MiB a partition) dropped events the snapshot does
                    // not cover. Nothing can bring them back; the snapshot is still far closer to
                    // the truth than a fold of what is left, so it is used, loudly.
                    logger.warning("events between the snapshot and the topic's log start are gone; using the snapshot",
                                   labels.merging(["snapshotOffset": "\(snapshot.nextOffset)", "logStart": "\(read.logStart)",
                                                   "lost": "\(read.logStart - snapshot.nextOffset)"]) { $1 })
                }
                if read.logEnd < snapshot.nextOffset {
                    // Only with `handledBy`: the consumer handled records after its last committed
                    // offset, and they come to it again. Its handling must take a repeat in its stride.
                    logger.info("the snapshot covers records the group has not committed; they are handled again",
                                labels.merging(["snapshotOffset": "\(snapshot.nextOffset)", "committed": "\(read.logEnd)"]) { $1 })
                }
                return RestoredPartition(state: state, nextOffset: max(read.logEnd, snapshot.nextOffset),
                                         snapshotOffset: snapshot.nextOffset, events: read.messages, cluster: read.clusterId)
            }
            if otherCluster {
                // Taken on another cluster (Kafka's data replaced, the service pointed elsewhere):
                // its offsets name other records, even where this topic has reached them.
                logger.warning("snapshot was taken on another Kafka cluster; discarding it",
                               labels.merging(["snapshotCluster": snapshot.cluster ?? "", "cluster": read.clusterId ?? ""]) { $1 })
            } else {
                // The topic ends before the snapshot does: it was deleted and recreated, so the
                // snapshot describes events that no longer exist.
                logger.warning("snapshot is ahead of the topic (recreated?); discarding it",
                               labels.merging(["snapshotOffset": "\(snapshot.nextOffset)", "logEnd": "\(read.highWatermark)"]) { $1 })
            }
            // Deleted, not only passed over: until the partition changes and is checkpointed
            // again it would stay on disk, and once the new topic reached its offset a restart
            // would take it for this topic's state.
            if let directory = snapshotDirectory {
                try? FileManager.default.removeItem(atPath: PartitionSnapshot<State>.path(directory: directory, topic: topic,
                                                                                        partition: partition))
            }
        }
        let (state, read) = try await foldEvents(partition, onto: initial(), from: 0)
        if read.logStart > 0 {
            logger.warning("the topic no longer holds its first events and no snapshot covers them; the state may be incomplete",
                           labels.merging(["logStart": "\(read.logStart)"]) { $1 })
        }
        return RestoredPartition(state: state, nextOffset: read.logEnd, snapshotOffset: nil, events: read.messages,
                                 cluster: read.clusterId)
    }

    /// The usable snapshot of `partition`, if any; an unusable one is reported and ignored.
    func loadSnapshot(_ partition: Int32) async -> PartitionSnapshot<State>? {
        guard let directory = snapshotDirectory else { return nil }
        let topic = self.topic
        // Reading and decoding a large state is blocking, CPU-heavy work.
        let loaded = await onDedicatedThread(name: "snapshot-load-\(topic)-\(partition)") {
            PartitionSnapshot<State>.load(directory: directory, topic: topic, partition: partition)
        }
        switch loaded {
        case nil:
            return nil
        case let .success(snapshot)?:
            return snapshot
        case let .failure(rejection)?:
            logger.warning("snapshot ignored; folding the topic from its beginning",
                           ["topic": topic, "partition": "\(partition)", "reason": rejection.description,
                            "path": PartitionSnapshot<State>.path(directory: directory, topic: topic, partition: partition)])
            return nil
        }
    }

    private func foldEvents(_ partition: Int32, onto state: State,
                            from start: Int64) async throws -> (State, KafkaPartitionReader.Outcome) {
        let folded = Locked(state)
        let fold = self.fold
        let each: @Sendable (KafkaMessage) -> Void = { message in folded.withLock { fold(&$0, message) } }
        let outcome = if let handledBy {
            try await KafkaPartitionReader.readHandled(by: handledBy, settings: kafka, topic: topic, partition: partition,
                                                       from: start, logger: logger, timeout: timeout, each: each)
        } else {
            try await KafkaPartitionReader.read(settings: kafka, topic: topic, partition: partition, from: start,
                                                logger: logger, timeout: timeout, each: each)
        }
        return (folded.withLock { $0 }, outcome)
    }
}
