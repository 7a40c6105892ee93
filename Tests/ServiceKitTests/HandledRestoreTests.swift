import Foundation
import Kafka
import Runtime
import ServiceKit
import Testing
import TestSupport

/// `PartitionRestorer` with `handledBy`: a consumer's memory of the records its group handled is
/// restored up to the group's committed offset, from a snapshot when there is a usable one.
@Suite(.serialized) struct HandledRestoreTests {
    static let group = "handled-restore-test"

    /// Five records a...e; the group handled (committed) the first two.
    private func clusterWithTwoHandled() async throws -> MockCluster {
        let cluster = try MockCluster.withTestTopics()
        try await KafkaTestKit.produce(["a", "b", "c", "d", "e"].map { (StoreHarness.key, $0) }, to: StoreHarness.topic,
                                       cluster: cluster, ordered: true)
        let consumer = try KafkaConsumer(settings: KafkaTestKit.settings(cluster), groupId: Self.group,
                                         topics: [StoreHarness.topic], logger: KafkaTestKit.quietLogger)
        for _ in 0..<2 { consumer.storeOffset(after: try #require(await consumer.next())) }
        consumer.stopDelivery()
        await consumer.close()
        return cluster
    }

    private func restore(_ cluster: MockCluster, snapshot: PartitionSnapshot<Letters>?) async throws -> RestoredPartition<Letters> {
        let directory = try TemporaryDirectory(prefix: "handled")
        defer { directory.remove() }
        if let snapshot {
            try AtomicFile.write(try snapshot.encoded(), to: PartitionSnapshot<Letters>.path(
                directory: directory.path, topic: StoreHarness.topic, partition: 0))
        }
        let restorer = PartitionRestorer<Letters>(kafka: KafkaTestKit.settings(cluster), topic: StoreHarness.topic,
                                                  handledBy: Self.group, snapshotDirectory: directory.path,
                                                  logger: KafkaTestKit.quietLogger, initial: { Letters() }, fold: Letters.fold)
        return try await restorer.restore(0)
    }

    @Test func withoutSnapshot_readsWhatTheGroupHandled_andNoMore() async throws {
        let cluster = try await clusterWithTwoHandled()
        defer { cluster.shutdown() }
        let restored = try await restore(cluster, snapshot: nil)
        #expect(restored.state == Letters(values: ["a", "b"]))
        #expect(restored.nextOffset == 2 && restored.events == 2 && restored.snapshotOffset == nil)
    }

    @Test func snapshotBehindTheCommittedOffset_isCompletedUpToIt() async throws {
        let cluster = try await clusterWithTwoHandled()
        defer { cluster.shutdown() }
        let restored = try await restore(cluster, snapshot: PartitionSnapshot(topic: StoreHarness.topic, partition: 0,
                                                                             nextOffset: 1, state: Letters(values: ["a"])))
        #expect(restored.state == Letters(values: ["a", "b"]))
        #expect(restored.nextOffset == 2 && restored.events == 1 && restored.snapshotOffset == 1)
    }

    /// Handled after the last commit (a crash before the next): the snapshot is used as it is;
    /// the consumer gets those records again.
    @Test func snapshotAheadOfTheCommittedOffset_isUsedAsItIs() async throws {
        let cluster = try await clusterWithTwoHandled()
        defer { cluster.shutdown() }
        let restored = try await restore(cluster, snapshot: PartitionSnapshot(topic: StoreHarness.topic, partition: 0,
                                                                             nextOffset: 3, state: Letters(values: ["a", "b", "c"])))
        #expect(restored.state == Letters(values: ["a", "b", "c"]))
        #expect(restored.nextOffset == 3 && restored.events == 0 && restored.snapshotOffset == 3)
    }

    /// Beyond the partition's end: the topic was recreated, so the snapshot describes records
    /// that no longer exist.
    @Test func snapshotBeyondTheEndOfThePartition_isDiscarded() async throws {
        let cluster = try await clusterWithTwoHandled()
        defer { cluster.shutdown() }
        let restored = try await restore(cluster, snapshot: PartitionSnapshot(topic: StoreHarness.topic, partition: 0,
                                                                             nextOffset: 9, state: Letters(values: ["old"])))
        #expect(restored.state == Letters(values: ["a", "b"]))
        #expect(restored.snapshotOffset == nil && restored.events == 2)
    }
}
