import AnalyticsCore
@testable import AnalyticsService
import Contracts
import Foundation
import Kafka
import Runtime
import ServiceKit
import Testing
import TestSupport

/// The dashboards' fold against the mock cluster: checkpointed with its positions, a restart
/// reads only the records after them and gives the same numbers as a rebuild from the beginning;
/// a checkpoint of other windows, or one taken on another cluster, is not used.
@Suite(.serialized) struct AnalyticsCheckpointTests {
    let asOf = Date(timeIntervalSince1970: 1_900_000_000)

    @Test func aRestart_readsOnlyWhatCameAfterTheCheckpoint_andGivesTheSameNumbers() async throws {
        let cluster = try Self.cluster()
        defer { cluster.shutdown() }
        let directory = try TemporaryDirectory(prefix: "analytics")
        defer { directory.remove() }

        try await RelayMemoryTests.produce([RelayMemoryTests.placed("ORD-A1"), RelayMemoryTests.placed("ORD-A2")], cluster: cluster)
        let first = try await Self.instance(cluster, directory)
        #expect(Self.restores(first, "topics") == 1, "nothing to start from yet")
        #expect(try await first.assembly.replica.restore() == 2)
        #expect(await first.assembly.checkpoints.checkpoint())
        #expect(await !first.assembly.checkpoints.checkpoint(), "nothing folded since: nothing rewritten")
        let written = try #require(ReplicaCheckpoint<AnalyticsState>.load(directory: directory.path, replica: "analytics")).get()
        #expect(written.resumePositions.values.reduce(0, +) == 2)
        #expect(written.cluster?.isEmpty == false, "the checkpoint names the cluster its positions are on")

        // A third order, then the instance dies before its next checkpoint.
        try await RelayMemoryTests.produce([RelayMemoryTests.placed("ORD-A3")], cluster: cluster)

        let restarted = try await Self.instance(cluster, directory)
        #expect(Self.restores(restarted, "checkpoint") == 1)
        #expect(try await restarted.assembly.replica.restore() == 1, "only the record after the checkpoint is read")

        let elsewhere = try TemporaryDirectory(prefix: "analytics-elsewhere")
        defer { elsewhere.remove() }
        let rebuilt = try await Self.instance(cluster, elsewhere)
        #expect(try await rebuilt.assembly.replica.restore() == 3)
        let numbers = restarted.assembly.fold.takeSnapshots(everything: true, also: [], asOf: asOf)
        #expect(numbers == rebuilt.assembly.fold.takeSnapshots(everything: true, also: [], asOf: asOf))
        let platform = try #require(numbers.first { $0.scope == .platform })
        #expect(platform.views.first?.funnel.placed == 3, "all three orders counted once: \(platform)")
        for instance in [first, restarted, rebuilt] { await instance.close() }
    }

    @Test func aCheckpointOfOtherWindows_orFromAnotherCluster_isNotUsed() async throws {
        let cluster = try Self.cluster()
        defer { cluster.shutdown() }
        let directory = try TemporaryDirectory(prefix: "analytics")
        defer { directory.remove() }
        try await RelayMemoryTests.produce([RelayMemoryTests.placed("ORD-B1")], cluster: cluster)
        let first = try await Self.instance(cluster, directory)
        try await first.assembly.replica.restore()
        #expect(await first.assembly.checkpoints.checkpoint())

        let otherWindows = try await Self.instance(cluster, directory, utcOffsetHours: 8)
        #expect(Self.restores(otherWindows, "topics") == 1, "folded with another UTC offset: its buckets mean something else")
        #expect(try await otherWindows.assembly.replica.restore() == 1)

        // Another cluster (Kafka's data replaced) whose topics already reach the positions: only
        // the cluster's id tells its records from the ones the checkpoint counted.
        let replaced = try Self.cluster()
        defer { replaced.shutdown() }
        try await RelayMemoryTests.produce([RelayMemoryTests.placed("ORD-C1"), RelayMemoryTests.placed("ORD-C2")], cluster: replaced)
        let path = ReplicaCheckpoint<AnalyticsState>.path(directory: directory.path, replica: "analytics")
        #expect(FileManager.default.fileExists(atPath: path))
        let elsewhere = try await Self.instance(replaced, directory)
        #expect(Self.restores(elsewhere, "topics") == 1)
        #expect(!FileManager.default.fileExists(atPath: path), "deleted, so it is never taken for the new cluster's state")
        #expect(try await elsewhere.assembly.replica.restore() == 2)
        for instance in [first, otherWindows, elsewhere] { await instance.close() }
    }

    // MARK: Helpers

    /// The assembled pieces with the replica's follower running, as in the service.
    struct Instance {
        let assembly: AnalyticsWiring.Assembly
        let context: ServiceContext
        let following: Task<Void, any Error>

        func close() async {
            await assembly.replica.follower.shutdown()
            _ = await following.result
            await context.producer.close()
        }
    }

    static func cluster() throws -> MockCluster {
        let cluster = try MockCluster(logger: KafkaTestKit.quietLogger)
        for topic in AnalyticsSubscriptions.topics {
            try cluster.createTopic(TopicSpec(name: topic.name, partitions: topic.partitions))
        }
        return cluster
    }

    static func instance(_ cluster: MockCluster, _ directory: TemporaryDirectory, utcOffsetHours: Int = 0) async throws -> Instance {
        let env = EnvironmentReader([
            ServiceSettings.Key.kafkaBootstrap: cluster.bootstrapServers,
            ServiceSettings.Key.kafkaProfile: KafkaProfile.mock.rawValue,
            ServiceSettings.Key.stateDirectory: directory.path,
            ServiceSettings.Key.checkpointInterval: "30",
            AnalyticsSettings.Key.utcOffset: "\(utcOffsetHours * 3_600)",
        ])
        let settings = ServiceSettings.read(service: "analytics", from: env)
        let analytics = AnalyticsSettings.read(env)
        try env.validate()
        let context = ServiceContext(settings: settings, logger: KafkaTestKit.quietLogger, metrics: MetricsRegistry(),
                                     readiness: Readiness(),
                                     producer: try KafkaProducer(settings: settings.kafka, logger: KafkaTestKit.quietLogger))
        let assembly = try await AnalyticsWiring.assemble(context, settings: analytics)
        let follower = assembly.replica.follower
        return Instance(assembly: assembly, context: context, following: Task { try await follower.run() })
    }

    static func restores(_ instance: Instance, _ source: String) -> Int64 {
        instance.context.metrics.counter("analytics_restores_total", help: "", labels: ["source": source]).value
    }
}
