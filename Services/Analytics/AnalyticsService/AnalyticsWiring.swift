import AnalyticsCore
import Contracts
import Runtime
import ServiceKit

/// Connects AnalyticsCore to Kafka: a full replica of the event topics folded into one
/// `AnalyticsState`, and a ticker that publishes snapshots.
///
/// Every start is a rebuild from the beginning of the topics (the replica reads every partition
/// with a group of its own), so one instance sees every partition and a restart gives the same
/// numbers. Two instances would each hold everything and publish the same numbers: harmless on a
/// compacted topic, but pointless.
enum AnalyticsWiring {
    static func parts(_ context: ServiceContext, settings: AnalyticsSettings) throws -> [any Service] {
        let fold = AnalyticsFold(policy: settings.policy, logger: context.logger, metrics: context.metrics)
        let replica = try TopicReplica(context: context, name: "analytics",
                                       topics: AnalyticsSubscriptions.topics.map { ($0.name, $0.partitions) },
                                       pace: .relaxed) { message in
            fold.fold(message)
        }
        let publisher = SnapshotPublisher(fold: fold, context: context, republishInterval: settings.republishInterval,
                                          isRestored: { replica.isRestored })
        let ticker = Ticker(name: "analytics-publish", every: settings.publishInterval) { await publisher.tick() }
        return [replica.restorer(), replica.follower, ticker]
    }
}
