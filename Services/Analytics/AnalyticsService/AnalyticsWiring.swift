import AnalyticsCore
import Contracts
import Runtime
import ServiceKit

/// Connects AnalyticsCore to Kafka: a full replica of the event topics folded into one
/// `AnalyticsState`, resumed from the last checkpoint and checkpointed as it goes, and a ticker
/// that publishes snapshots.
///
/// The replica reads every partition with a group of its own, from the checkpoint's positions
/// (or the beginning), so one instance sees every partition and a restart gives the same numbers.
/// Two instances would each hold everything and publish the same numbers: harmless on a compacted
/// topic, but pointless.
enum AnalyticsWiring {
    /// The pieces, connected but not running (tests drive them one by one).
    struct Assembly {
        let fold: AnalyticsFold
        let checkpoints: AnalyticsCheckpoints
        let replica: TopicReplica
    }

    static func assemble(_ context: ServiceContext, settings: AnalyticsSettings) async throws -> Assembly {
        let topics = AnalyticsSubscriptions.topics.map { ($0.name, $0.partitions) }
        // Loaded before anything is wired: the fold and the replica both start from it. While a
        // large checkpoint decodes, the admin port holds its connections.
        let start = await AnalyticsCheckpoints.load(context, policy: settings.policy, topics: topics)
        let fold = AnalyticsFold(policy: settings.policy, restored: start.checkpoint, logger: context.logger, metrics: context.metrics)
        let replica = try TopicReplica(context: context, name: "analytics", topics: topics, pace: .relaxed,
                                       resumingAt: fold.positions) { message in
            fold.fold(message)
        }
        // The cluster the restore reads; until it has read, the one the checkpoint was checked against.
        let checkpoints = AnalyticsCheckpoints(context: context, fold: fold) { replica.clusterId ?? start.cluster }
        return Assembly(fold: fold, checkpoints: checkpoints, replica: replica)
    }

    static func parts(_ context: ServiceContext, settings: AnalyticsSettings) async throws -> [any Service] {
        let assembly = try await assemble(context, settings: settings)
        let replica = assembly.replica
        let publisher = SnapshotPublisher(fold: assembly.fold, context: context, republishInterval: settings.republishInterval,
                                          isRestored: { replica.isRestored })
        let ticker = Ticker(name: "analytics-publish", every: settings.publishInterval) { await publisher.tick() }
        return [replica.restorer(), assembly.checkpoints.checkpointer, replica.follower, ticker]
    }
}
