import Foundation
import Kafka
import ServiceKit
import Testing
import TestSupport

/// A batch decides on the store's state in place; what happens when its events are not delivered,
/// and what a checkpoint taken meanwhile holds.
@Suite(.serialized) struct StoreBatchTests {
    @Test func anAbandonedBatch_isForgotten_andTheStateIsRestoredFromWhatWasDelivered() async throws {
        let cluster = try MockCluster.withTestTopics()
        defer { cluster.shutdown() }
        let directory = try TemporaryDirectory(prefix: "store-batch")
        defer { directory.remove() }
        let instance = try StoreHarness(cluster: cluster, stateDirectory: directory)
        try await instance.store.ensureRestored(0)
        try await instance.decide(["a", "b"], partition: 0)

        // Decided in place, then publishing failed: the state holds "c", the topic does not.
        try await instance.store.decide(0) { state in state.values.append("c") }
        #expect(await instance.store.state(of: 0).values == ["a", "b", "c"])
        await instance.store.abandon(0)

        try await instance.store.ensureRestored(0)
        #expect(await instance.store.state(of: 0) == Letters(values: ["a", "b"]))
        #expect(instance.warnings(containing: "batch abandoned").count == 1)
        await instance.close()
    }

    @Test func aBodyThatThrows_abandonsToo() async throws {
        struct Refused: Error {}
        let cluster = try MockCluster.withTestTopics()
        defer { cluster.shutdown() }
        let directory = try TemporaryDirectory(prefix: "store-batch")
        defer { directory.remove() }
        let instance = try StoreHarness(cluster: cluster, stateDirectory: directory)
        try await instance.store.ensureRestored(0)
        try await instance.decide(["a"], partition: 0)
        await #expect(throws: Refused.self) {
            try await instance.store.decide(0) { state in
                state.values.append("half-decided")
                throw Refused()
            }
        }
        try await instance.store.ensureRestored(0)
        #expect(await instance.store.state(of: 0) == Letters(values: ["a"]))
        await instance.close()
    }

    @Test func deciding_onAPartitionNotHeld_throws() async throws {
        let cluster = try MockCluster.withTestTopics()
        defer { cluster.shutdown() }
        let directory = try TemporaryDirectory(prefix: "store-batch")
        defer { directory.remove() }
        let instance = try StoreHarness(cluster: cluster, stateDirectory: directory)
        await #expect(throws: StateNotRestored.self) {
            try await instance.store.decide(0) { state in state.values.append("x") }
        }
        await instance.close()
    }

    @Test func aPartitionInFlight_isNotCheckpointed_untilItsBatchCommits() async throws {
        let cluster = try MockCluster.withTestTopics()
        defer { cluster.shutdown() }
        let directory = try TemporaryDirectory(prefix: "store-batch")
        defer { directory.remove() }
        let instance = try StoreHarness(cluster: cluster, stateDirectory: directory)
        try await instance.store.ensureRestored(0)
        try await instance.decide(["a"], partition: 0)
        try await instance.store.decide(0) { state in state.values.append("b") }
        #expect(await instance.store.checkpoint() == [], "b may never be delivered")
        let delivered = try await instance.context.producer.sendAll([
            OutgoingRecord(topic: StoreHarness.topic, key: StoreHarness.key, value: Array("b".utf8)),
        ])
        await instance.store.commit(0, covering: delivered)
        #expect(await instance.store.checkpoint() == [0])
        let snapshot = try #require(PartitionSnapshot<Letters>.load(directory: directory.path, topic: StoreHarness.topic,
                                                                    partition: 0)).get()
        #expect(snapshot.state.values == ["a", "b"])
        #expect(snapshot.nextOffset == 2)
        await instance.close()
    }
}
