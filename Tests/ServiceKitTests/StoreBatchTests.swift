import Foundation
import Kafka
import ServiceKit
import Testing
import TestSupport

/// A batch decides on the store's state in place; what happens when its events are not delivered,
/// and what a checkpoint taken meanwhile holds.
@Suite(.serialized) struct StoreBatchTests {
    struct Refused: Error {}

    /// One instance on a fresh cluster and state directory, closed afterwards.
    func withInstance(_ body: (StoreHarness, TemporaryDirectory) async throws -> Void) async throws {
        let cluster = try MockCluster.withTestTopics()
        defer { cluster.shutdown() }
        let directory = try TemporaryDirectory(prefix: "store-batch")
        defer { directory.remove() }
        let instance = try StoreHarness(cluster: cluster, stateDirectory: directory)
        try await body(instance, directory)
        await instance.close()
    }

    @Test func anAbandonedBatch_isForgotten_andTheStateIsRestoredFromWhatWasDelivered() async throws {
        try await withInstance { instance, _ in
            try await instance.store.ensureRestored(0)
            try await instance.decide(["a", "b"], partition: 0)

            // Decided in place, then publishing failed: the state holds "c", the topic does not.
            try await instance.store.decide(0) { state in state.values.append("c") }
            #expect(await instance.store.state(of: 0).values == ["a", "b", "c"])
            await #expect(throws: Refused.self) {
                try await instance.store.commit(0) { throw Refused() }
            }

            try await instance.store.ensureRestored(0)
            #expect(await instance.store.state(of: 0) == Letters(values: ["a", "b"]))
            #expect(instance.warnings(containing: "batch abandoned").count == 1)
        }
    }

    @Test func aBodyThatThrows_abandonsToo() async throws {
        try await withInstance { instance, _ in
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
        }
    }

    @Test func deciding_onAPartitionNotHeld_throws() async throws {
        try await withInstance { instance, _ in
            await #expect(throws: StateNotRestored.self) {
                try await instance.store.decide(0) { state in state.values.append("x") }
            }
        }
    }

    @Test func aPartitionInFlight_isNotCheckpointed_untilItsBatchCommits() async throws {
        try await withInstance { instance, directory in
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
        }
    }

    /// The timer's round and the shutdown's can overlap, with batches committing between the
    /// partitions of a round: whatever the interleaving, the file ends with the newest state.
    @Test func overlappingCheckpointRounds_leaveTheNewestStateOnDisk() async throws {
        try await withInstance { instance, directory in
            try await instance.store.ensureRestored(0)
            var rounds: [Task<[Int32], Never>] = []
            for value in ["a", "b", "c", "d"] {
                try await instance.decide([value], partition: 0)
                let store = instance.store
                rounds.append(Task { await store.checkpoint() })
            }
            for round in rounds { _ = await round.value }
            _ = await instance.store.checkpoint()
            let snapshot = try #require(PartitionSnapshot<Letters>.load(directory: directory.path, topic: StoreHarness.topic,
                                                                        partition: 0)).get()
            #expect(snapshot.state.values == ["a", "b", "c", "d"])
            #expect(snapshot.nextOffset == 4)
        }
    }
}
