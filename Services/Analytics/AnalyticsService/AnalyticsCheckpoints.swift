import AnalyticsCore
import Contracts
import Foundation
import Kafka
import Runtime
import ServiceKit

/// Keeps the fold between runs: a checkpoint of the whole state with its positions every
/// `TRADEFLOW_CHECKPOINT_INTERVAL_SECONDS` and at a graceful stop, in
/// `<state dir>/analytics.replica.snapshot`; a start loads it and reads only what came after.
///
/// Without it every start read the three topics from their beginning, and those topics are kept
/// forever: on a long-lived cluster the dashboards' restart time grew with the platform's history.
/// A checkpoint is passed over (and the topics read from the start) when there is none, it cannot
/// be read, it was folded with other windows (`TRADEFLOW_ANALYTICS_*`: the numbers would mean
/// something else), it was taken on another Kafka cluster, or a position lies beyond its
/// partition's end (the topic was recreated).
struct AnalyticsCheckpoints: Sendable {
    static let replica = "analytics"

    /// nil: checkpoints are off (`TRADEFLOW_CHECKPOINT_INTERVAL_SECONDS=0`).
    let directory: String?
    let interval: Duration?
    let fold: AnalyticsFold
    /// The Kafka cluster the fold reads, recorded in every checkpoint (nil: not known yet).
    let cluster: @Sendable () -> String?
    let logger: Logger
    private let rounds = SerialRounds<Bool>()
    private let written: Counter

    init(context: ServiceContext, fold: AnalyticsFold, cluster: @escaping @Sendable () -> String?) {
        interval = context.settings.checkpointInterval
        directory = interval == nil ? nil : context.settings.stateDirectory
        self.fold = fold
        self.cluster = cluster
        logger = context.logger
        written = context.metrics.counter("analytics_checkpoints_total", help: "Checkpoints of the dashboards' fold written")
    }

    /// Writes a checkpoint if anything was folded since the last one; true when one was written.
    /// Rounds run one after another, so an older checkpoint never lands over a newer one.
    @discardableResult
    func checkpoint() async -> Bool {
        guard let directory else { return false }
        return await rounds.run { [self] in
            guard let checkpoint = fold.takeCheckpoint(replica: Self.replica, cluster: cluster()) else { return false }
            guard await checkpoint.write(into: directory, logger: logger) else {
                fold.checkpointFailed()
                return false
            }
            written.increment()
            return true
        }
    }

    /// The service that checkpoints on the timer and once more when stopped. List it before the
    /// replica's follower: services stop in reverse order, so the follower has stopped folding
    /// when the last checkpoint is taken.
    var checkpointer: any Service {
        StateCheckpointer(name: "checkpoint:analytics", interval: interval) { [self] in await checkpoint() }
    }
}

extension AnalyticsCheckpoints {
    /// What a start learns before it folds: the checkpoint to start from (nil: read the topics
    /// from their beginning; why is logged and counted in `analytics_restores_total{source}`)
    /// and the cluster's id, when a checkpoint was checked against it.
    struct Start {
        var checkpoint: ReplicaCheckpoint<AnalyticsState>?
        var cluster: String?
    }

    static func load(_ context: ServiceContext, policy: AnalyticsPolicy, topics: [(name: String, partitions: Int)]) async -> Start {
        let logger = context.logger
        let restores = { (source: String) in
            context.metrics.counter("analytics_restores_total", help: "Starts by where the fold came from",
                                    labels: ["source": source]).increment()
        }
        guard context.settings.checkpointInterval != nil else {
            restores("topics")
            return Start()
        }
        let directory = context.settings.stateDirectory
        let path = ReplicaCheckpoint<AnalyticsState>.path(directory: directory, replica: replica)
        let checkpoint: ReplicaCheckpoint<AnalyticsState>
        switch ReplicaCheckpoint<AnalyticsState>.load(directory: directory, replica: replica) {
        case nil:
            logger.info("no checkpoint; reading the topics from their beginning", ["path": path])
            restores("topics")
            return Start()
        case let .failure(rejection)?:
            logger.warning("checkpoint not used; reading the topics from their beginning",
                           ["path": path, "reason": rejection.description])
            restores("topics")
            return Start()
        case let .success(loaded)?:
            checkpoint = loaded
        }
        guard checkpoint.state.policy == policy else {
            logger.info("checkpoint folded with other analytics settings; reading the topics from their beginning",
                        ["path": path])
            restores("topics")
            return Start()
        }
        guard let found = await topicEnds(context, topics: topics) else {
            restores("topics")
            return Start()
        }
        if checkpoint.isFromAnotherCluster(than: found.cluster) {
            // Kafka's data was replaced, or the service points at another cluster: the positions
            // name other records, even where these topics have reached them.
            logger.warning("checkpoint was taken on another Kafka cluster; deleted, reading the topics from their beginning",
                           ["path": path, "checkpointCluster": checkpoint.cluster ?? "", "cluster": found.cluster ?? ""])
            try? FileManager.default.removeItem(atPath: path)
            restores("topics")
            return Start(cluster: found.cluster)
        }
        let beyond = checkpoint.positionsBeyond(found.ends)
        guard beyond.isEmpty else {
            // The topic was recreated: the checkpoint counts records that are gone, and kept it
            // would be taken for this topic's state once the new one grew past its positions.
            logger.warning("checkpoint is ahead of its topics (recreated?); deleted, reading the topics from their beginning",
                           ["path": path, "partitions": beyond.map(\.description).joined(separator: ",")])
            try? FileManager.default.removeItem(atPath: path)
            restores("topics")
            return Start(cluster: found.cluster)
        }
        logger.info("dashboards restored from checkpoint", ["path": path, "writtenAt": "\(checkpoint.writtenAt)",
                                                             "partitions": "\(checkpoint.positions.count)"])
        restores("checkpoint")
        return Start(checkpoint: checkpoint, cluster: found.cluster)
    }

    /// The partitions' ends and the cluster's id, asked for a while (Kafka may still be
    /// starting); nil when they could not be had, and then the topics are read from the start:
    /// slow, but never wrong.
    private static func topicEnds(_ context: ServiceContext,
                                  topics: [(name: String, partitions: Int)]) async -> (ends: [TopicPartition: Int64], cluster: String?)? {
        let admin = KafkaAdmin(settings: context.settings.kafka, logger: context.logger)
        var delay = Duration.milliseconds(500)
        let deadline = ContinuousClock.now + .seconds(60)
        while true {
            do {
                return (try await admin.highWatermarks(topics), try await admin.clusterId())
            } catch {
                guard ContinuousClock.now + delay < deadline else {
                    context.logger.warning("topic ends not known; checkpoint not used, reading the topics from their beginning",
                                           ["reason": "\(error)"])
                    return nil
                }
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(8))
            }
        }
    }
}
