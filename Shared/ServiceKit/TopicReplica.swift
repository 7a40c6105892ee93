import Foundation
import Kafka
import Runtime

/// A full, read-only copy of one or more topics in memory: every partition is read to its end at
/// start (the process reports ready only after that), then a consumer of its own follows new
/// records. Folds must be idempotent (records read during restore are seen again by the
/// follower): fold by key and revision, or skip offsets already applied.
///
/// The gateway keeps its catalog, identity and dashboard replicas this way; the catalog service
/// keeps the whole catalog to check commands that read other products.
public final class TopicReplica: Sendable {
    private let context: ServiceContext
    private let topics: [(name: String, partitions: Int)]
    private let fold: @Sendable (KafkaMessage) -> Void
    private let condition: String
    private let restored = Latch()
    public let follower: ConsumerService

    /// A `.relaxed` replica trails the topics' ends by up to a few tens of milliseconds more (see
    /// `FetchPace`); use it where no request reads its own write through the copy.
    public init(context: ServiceContext, name: String, topics: [(name: String, partitions: Int)],
                pace: KafkaSettings.FetchPace = .prompt, fold: @escaping @Sendable (KafkaMessage) -> Void) throws {
        self.context = context
        self.topics = topics
        self.fold = fold
        condition = "replica-restored:\(name)"
        context.readiness.require(condition)
        // A group of its own per process start: the copy lives in memory, so it must be rebuilt
        // from the beginning, never resumed from offsets committed by a previous run.
        let group = "\(context.settings.serviceName)-replica-\(name)-\(context.settings.instanceId)-\(UUID().uuidString.prefix(8))"
        follower = try context.consumer(group: group, topics: topics.map(\.name), pace: pace) { message in fold(message) }
    }

    /// Reads every partition to its current end; call before serving reads.
    public func restore() async throws {
        let start = ContinuousClock.now
        var total = 0
        try await withThrowingTaskGroup(of: Int.self) { group in
            for topic in topics {
                for partition in 0..<topic.partitions {
                    group.addTask { [context, fold] in
                        try await KafkaPartitionReader.readToEnd(settings: context.settings.kafka, topic: topic.name,
                                                                 partition: Int32(partition), logger: context.logger,
                                                                 each: fold)
                    }
                }
            }
            for try await count in group { total += count }
        }
        restored.open()
        context.readiness.set(condition, true)
        context.logger.info("replica restored", ["replica": condition, "records": "\(total)",
                                                 "seconds": String(format: "%.2f", (ContinuousClock.now - start).seconds)])
    }

    /// Suspends until the first full restore finished (commands must not be decided on a partial copy).
    public func waitUntilRestored() async { await restored.wait() }

    public var isRestored: Bool { restored.isOpen }

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
