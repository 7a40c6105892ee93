import Foundation
import Kafka
import ServiceKit
import Testing
import TestSupport

/// Checkpoints of `PartitionedStateStore` against the mock cluster: each test plays one instance
/// writing snapshots and a later one (a restart) restoring from them.
@Suite(.serialized) struct StateCheckpointTests {
    private static let letters = (0..<12).map { String(UnicodeScalar(UInt8(97 + $0))) }   // a...l

    @Test func restoreFromSnapshot_equalsAFullFold_andFoldsOnlyTheEventsAfterIt() async throws {
        let cluster = try MockCluster.withTestTopics()
        defer { cluster.shutdown() }
        let directory = try TemporaryDirectory(prefix: "store")
        defer { directory.remove() }

        let first = try StoreHarness(cluster: cluster, stateDirectory: directory)
        try await first.store.ensureRestored(0)
        try await first.decide(["a", "b", "c"], partition: 0)
        #expect(await first.store.checkpoint() == [0])
        #expect(await first.store.checkpoint() == [], "nothing changed: nothing rewritten")
        try await first.decide(["d", "e"], partition: 0)
        await first.close()   // no last checkpoint: as after kill -9

        let restarted = try StoreHarness(cluster: cluster, stateDirectory: directory)
        try await restarted.store.ensureRestored(0)
        #expect(await restarted.store.state(of: 0) == Letters(values: ["a", "b", "c", "d", "e"]))
        #expect(restarted.restoredFrom("snapshot") == 1)
        #expect(restarted.eventsFolded == 2, "only the events after the snapshot are read")

        // A new owner on another machine has no snapshot and folds the whole topic: same state.
        let elsewhere = try TemporaryDirectory(prefix: "store-elsewhere")
        defer { elsewhere.remove() }
        let newOwner = try StoreHarness(cluster: cluster, stateDirectory: elsewhere)
        try await newOwner.store.ensureRestored(0)
        #expect(await newOwner.store.state(of: 0) == Letters(values: ["a", "b", "c", "d", "e"]))
        #expect(newOwner.restoredFrom("topic") == 1)
        #expect(newOwner.eventsFolded == 5)

        // The restarted instance carries on from where its restore ended.
        try await restarted.decide(["f"], partition: 0)
        #expect(await restarted.store.checkpoint() == [0])
        let snapshot = try #require(PartitionSnapshot<Letters>.load(directory: directory.path, topic: StoreHarness.topic,
                                                                    partition: 0)).get()
        #expect(snapshot.nextOffset == 6)
        #expect(snapshot.state.values == ["a", "b", "c", "d", "e", "f"])
        #expect(snapshot.cluster?.isEmpty == false, "the snapshot names the cluster it was folded from")
        await restarted.close()
        await newOwner.close()
    }

    @Test func restoreAfterTheTopicLostItsEarlyRecords_usesTheSnapshotAndTheEventsAfterIt() async throws {
        let cluster = try MockCluster.withTestTopics()
        defer { cluster.shutdown() }
        let directory = try TemporaryDirectory(prefix: "store")
        defer { directory.remove() }
        // Offsets 0..<10 no longer hold the events the snapshot covers (here: something else that
        // would give a wrong state if folded); 10 and 11 came after the snapshot.
        try await KafkaTestKit.produce((0..<10).map { (StoreHarness.key, "overwritten-\($0)") }, to: StoreHarness.topic,
                                       cluster: cluster, ordered: true)
        try await KafkaTestKit.produce([(StoreHarness.key, "k"), (StoreHarness.key, "l")], to: StoreHarness.topic,
                                       cluster: cluster, ordered: true)
        let covered = PartitionSnapshot(topic: StoreHarness.topic, partition: 0, nextOffset: 10,
                                        state: Letters(values: Array(Self.letters.prefix(10))))
        try AtomicFile.write(try covered.encoded(), to: PartitionSnapshot<Letters>.path(directory: directory.path,
                                                                                       topic: StoreHarness.topic, partition: 0))

        let restarted = try StoreHarness(cluster: cluster, stateDirectory: directory)
        try await restarted.store.ensureRestored(0)
        #expect(await restarted.store.state(of: 0) == Letters(values: Self.letters))
        #expect(restarted.eventsFolded == 2)
        await restarted.close()
    }

    @Test func snapshotOlderThanTheLogStart_isUsedWithAWarning() async throws {
        let cluster = try MockCluster.withTestTopics()
        defer { cluster.shutdown() }
        let directory = try TemporaryDirectory(prefix: "store")
        defer { directory.remove() }
        // The mock keeps ~5 MiB a partition: 8 MiB pushes the first records out, as a long
        // benchmark does.
        let padding = String(repeating: "x", count: 256 * 1024)
        try await KafkaTestKit.produce((0..<32).map { (StoreHarness.key, "big-\($0)-\(padding)") }, to: StoreHarness.topic,
                                       cluster: cluster, ordered: true)
        let snapshot = PartitionSnapshot(topic: StoreHarness.topic, partition: 0, nextOffset: 1, state: Letters(values: ["big-0"]))
        try AtomicFile.write(try snapshot.encoded(), to: PartitionSnapshot<Letters>.path(directory: directory.path,
                                                                                        topic: StoreHarness.topic, partition: 0))

        let restarted = try StoreHarness(cluster: cluster, stateDirectory: directory)
        try await restarted.store.ensureRestored(0)
        let values = await restarted.store.state(of: 0).values
        let warning = try #require(restarted.warnings(containing: "are gone").first, "the lost range is reported")
        let logStart = try #require(Int(warning.metadata["logStart"] ?? ""))
        #expect(logStart > 1)
        #expect(values.first == "big-0", "the snapshot's state is kept")
        #expect(values.dropFirst().map { String($0.prefix { $0 != "x" }) } == (logStart..<32).map { "big-\($0)-" },
                "then every event still in the log")
        await restarted.close()
    }

    @Test func corruptSnapshot_isIgnored_andTheTopicFoldedFromItsBeginning() async throws {
        let cluster = try MockCluster.withTestTopics()
        defer { cluster.shutdown() }
        let directory = try TemporaryDirectory(prefix: "store")
        defer { directory.remove() }
        try await KafkaTestKit.produce([(StoreHarness.key, "a"), (StoreHarness.key, "b")], to: StoreHarness.topic,
                                       cluster: cluster, ordered: true)
        let path = PartitionSnapshot<Letters>.path(directory: directory.path, topic: StoreHarness.topic, partition: 0)
        try Data("{\"formatVersion\":1,\"topic\":\"test.events.v1\",\"partition\":0,\"nextOffset\":2,\"state\":{\"valu".utf8)
            .write(to: URL(fileURLWithPath: path))

        let restarted = try StoreHarness(cluster: cluster, stateDirectory: directory)
        try await restarted.store.ensureRestored(0)
        #expect(await restarted.store.state(of: 0) == Letters(values: ["a", "b"]))
        #expect(restarted.restoredFrom("topic") == 1)
        #expect(!restarted.warnings(containing: "snapshot ignored").isEmpty)
        await restarted.close()
    }

    @Test func snapshotAheadOfTheTopic_isDiscarded() async throws {
        let cluster = try MockCluster.withTestTopics()
        defer { cluster.shutdown() }
        let directory = try TemporaryDirectory(prefix: "store")
        defer { directory.remove() }
        // The topic was deleted and recreated: it holds fewer events than the snapshot covers.
        try await KafkaTestKit.produce([(StoreHarness.key, "new")], to: StoreHarness.topic, cluster: cluster, ordered: true)
        let stale = PartitionSnapshot(topic: StoreHarness.topic, partition: 0, nextOffset: 500, state: Letters(values: ["old"]))
        try AtomicFile.write(try stale.encoded(), to: PartitionSnapshot<Letters>.path(directory: directory.path,
                                                                                     topic: StoreHarness.topic, partition: 0))

        let restarted = try StoreHarness(cluster: cluster, stateDirectory: directory)
        try await restarted.store.ensureRestored(0)
        #expect(await restarted.store.state(of: 0) == Letters(values: ["new"]))
        #expect(restarted.restoredFrom("topic") == 1)
        #expect(!restarted.warnings(containing: "ahead of the topic").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: PartitionSnapshot<Letters>.path(
            directory: directory.path, topic: StoreHarness.topic, partition: 0)), "deleted, so a later restart cannot take it")
        await restarted.close()
    }

    @Test func snapshotFromAnotherCluster_isDiscarded_evenWhereTheTopicReachedItsOffset() async throws {
        let cluster = try MockCluster.withTestTopics()
        defer { cluster.shutdown() }
        let directory = try TemporaryDirectory(prefix: "store")
        defer { directory.remove() }
        // Kafka's data was replaced: the new topic already holds more events than the snapshot
        // covers, so only the cluster's id tells the snapshot's events from these.
        try await KafkaTestKit.produce([(StoreHarness.key, "x"), (StoreHarness.key, "y")], to: StoreHarness.topic,
                                       cluster: cluster, ordered: true)
        let foreign = PartitionSnapshot(topic: StoreHarness.topic, partition: 0, nextOffset: 1, cluster: "a-cluster-long-gone",
                                        state: Letters(values: ["old"]))
        let path = PartitionSnapshot<Letters>.path(directory: directory.path, topic: StoreHarness.topic, partition: 0)
        try AtomicFile.write(try foreign.encoded(), to: path)

        let restarted = try StoreHarness(cluster: cluster, stateDirectory: directory)
        try await restarted.store.ensureRestored(0)
        #expect(await restarted.store.state(of: 0) == Letters(values: ["x", "y"]), "not [old, y]")
        #expect(restarted.restoredFrom("topic") == 1)
        #expect(!restarted.warnings(containing: "another Kafka cluster").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path), "deleted, so a later restart cannot take it")

        // One written before snapshots named their cluster is used as before.
        try await restarted.decide(["z"], partition: 0)
        #expect(await restarted.store.checkpoint() == [0])
        await restarted.close()
        let unnamed = PartitionSnapshot(topic: StoreHarness.topic, partition: 0, nextOffset: 3, state: Letters(values: ["x", "y", "z"]))
        try AtomicFile.write(try unnamed.encoded(), to: path)
        let again = try StoreHarness(cluster: cluster, stateDirectory: directory)
        try await again.store.ensureRestored(0)
        #expect(again.restoredFrom("snapshot") == 1)
        await again.close()
    }

    @Test func checkpointer_writesOnItsTimer_andOnceMoreWhenStopped() async throws {
        let cluster = try MockCluster.withTestTopics()
        defer { cluster.shutdown() }
        let directory = try TemporaryDirectory(prefix: "store")
        defer { directory.remove() }
        let instance = try StoreHarness(cluster: cluster, stateDirectory: directory, checkpointSeconds: 1)
        let checkpointer = instance.store.checkpointer
        let running = Task { try await checkpointer.run() }
        try await instance.store.ensureRestored(0)
        try await instance.decide(["a"], partition: 0)
        func saved() -> PartitionSnapshot<Letters>? {
            try? PartitionSnapshot<Letters>.load(directory: directory.path, topic: StoreHarness.topic, partition: 0)?.get()
        }
        #expect(await eventually(timeout: .seconds(5)) { saved()?.nextOffset == 1 }, "written within the interval")

        try await instance.decide(["b", "c"], partition: 0)
        await checkpointer.shutdown()
        try await running.value
        #expect(saved()?.nextOffset == 3, "the last batch is in the snapshot taken at shutdown")
        #expect(saved()?.state == Letters(values: ["a", "b", "c"]))
        await instance.close()
    }

    @Test func intervalZero_neitherWritesNorReadsSnapshots() async throws {
        let cluster = try MockCluster.withTestTopics()
        defer { cluster.shutdown() }
        let directory = try TemporaryDirectory(prefix: "store")
        defer { directory.remove() }
        let stale = PartitionSnapshot(topic: StoreHarness.topic, partition: 0, nextOffset: 0, state: Letters(values: ["old"]))
        let path = PartitionSnapshot<Letters>.path(directory: directory.path, topic: StoreHarness.topic, partition: 0)
        try AtomicFile.write(try stale.encoded(), to: path)

        let instance = try StoreHarness(cluster: cluster, stateDirectory: directory, checkpointSeconds: 0)
        try await instance.store.ensureRestored(0)
        #expect(await instance.store.state(of: 0) == Letters())
        try await instance.decide(["a"], partition: 0)
        #expect(await instance.store.checkpoint() == [])
        let untouched = try PartitionSnapshot<Letters>.load(directory: directory.path, topic: StoreHarness.topic, partition: 0)?.get()
        #expect(untouched?.state == stale.state && untouched?.nextOffset == stale.nextOffset)
        await instance.close()
    }
}
