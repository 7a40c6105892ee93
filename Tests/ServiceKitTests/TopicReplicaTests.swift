import Contracts
import Foundation
import Kafka
import Runtime
import ServiceKit
import Testing
import TestSupport

/// A replica is read twice over: by its restore and by its follower, both from each partition's
/// start. The fold must still see every record once, in offset order.
@Suite(.serialized) struct TopicReplicaTests {
    static let before = (1...20).map { "r\($0)" }

    @Test func restoreAndFollower_foldEveryRecordOnce_inOffsetOrder() async throws {
        try await withReplica { replica, folded, produce in
            // The follower starts first, so it reads the old records while the restore does.
            try await replica.restore()
            #expect(replica.isRestored)
            let after = (21...25).map { "r\($0)" }
            try await produce(after)

            // Records produced after the restore come only through the follower, which reads in
            // offset order: once the last is folded, the follower has gone over every older one.
            let caughtUp = await eventually(timeout: .seconds(20)) { folded.withLock { $0.last } == "r25" }
            #expect(caughtUp, "\(folded.withLock { $0 })")
            #expect(folded.withLock { $0 } == Self.before + after)
        }
    }

    @Test func aReplicaResumedAtAPosition_foldsOnlyTheRecordsFromThere() async throws {
        // A checkpoint covered the first 12 records (offsets 0-11).
        try await withReplica(resumingAt: [TopicPartition(topic: StoreHarness.topic, partition: 0): 12]) { replica, folded, produce in
            #expect(try await replica.restore() == 8, "the restore read from the position to the end, nothing before it")
            #expect(folded.withLock { $0 } == Array(Self.before[12...]))
            let after = (21...23).map { "r\($0)" }
            try await produce(after)
            let caughtUp = await eventually(timeout: .seconds(20)) { folded.withLock { $0.last } == "r23" }
            #expect(caughtUp, "\(folded.withLock { $0 })")
            #expect(folded.withLock { $0 } == Array(Self.before[12...]) + after, "nothing before the position, nothing twice")
        }
    }

    /// A replica of the harness's one-partition topic holding r1...r20, its follower running,
    /// folding each record's value into a list; `body` restores it and produces more.
    private func withReplica(resumingAt positions: [TopicPartition: Int64] = [:],
                             _ body: (TopicReplica, Locked<[String]>, _ produce: ([String]) async throws -> Void) async throws -> Void)
        async throws {
        let cluster = try MockCluster.withTestTopics()
        defer { cluster.shutdown() }
        let directory = try TemporaryDirectory(prefix: "replica")
        defer { directory.remove() }
        let instance = try StoreHarness(cluster: cluster, stateDirectory: directory)
        let produce = { (values: [String]) in
            try await KafkaTestKit.produce(values.map { (StoreHarness.key, $0) }, to: StoreHarness.topic, cluster: cluster, ordered: true)
        }
        try await produce(Self.before)
        let folded = Locked<[String]>([])
        let replica = try TopicReplica(context: instance.context, name: "test", topics: [(StoreHarness.topic, 1)],
                                       resumingAt: positions) { message in
            folded.withLock { $0.append(String(decoding: message.value, as: UTF8.self)) }
        }
        let follower = Task { try await replica.follower.run() }
        try await body(replica, folded, produce)
        await replica.follower.shutdown()
        _ = await follower.result
        await instance.close()
    }
}

@Suite struct TopicLayoutTests {
    @Test func onlyTopicsOnTheClusterWithAnotherCount_areMismatches() {
        let counts = ["order.events.v1": 24, "order.commands.v1": Topics.orderCommands.partitions, "someone.elses.v1": 3]
        #expect(TopicLayout.mismatches(onCluster: counts)
                == ["order.events.v1 has 24 partitions on the cluster; this version declares \(Topics.orderEvents.partitions)"])
        #expect(TopicLayout.mismatches(onCluster: [:]).isEmpty, "topics not provisioned yet are created by provisioning")
    }
}
