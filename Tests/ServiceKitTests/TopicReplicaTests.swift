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
    @Test func restoreAndFollower_foldEveryRecordOnce_inOffsetOrder() async throws {
        let cluster = try MockCluster.withTestTopics()
        defer { cluster.shutdown() }
        let directory = try TemporaryDirectory(prefix: "replica")
        defer { directory.remove() }
        let instance = try StoreHarness(cluster: cluster, stateDirectory: directory)
        let before = (1...20).map { "r\($0)" }
        try await KafkaTestKit.produce(before.map { (StoreHarness.key, $0) }, to: StoreHarness.topic, cluster: cluster, ordered: true)

        let folded = Locked<[String]>([])
        let replica = try TopicReplica(context: instance.context, name: "test", topics: [(StoreHarness.topic, 1)]) { message in
            folded.withLock { $0.append(String(decoding: message.value, as: UTF8.self)) }
        }
        // The follower starts first, so it reads the old records while the restore does.
        let follower = Task { try await replica.follower.run() }
        try await replica.restore()
        #expect(replica.isRestored)
        let after = (21...25).map { "r\($0)" }
        try await KafkaTestKit.produce(after.map { (StoreHarness.key, $0) }, to: StoreHarness.topic, cluster: cluster, ordered: true)

        // Records produced after the restore come only through the follower, which reads in
        // offset order: once the last is folded, the follower has gone over every older one.
        let caughtUp = await eventually(timeout: .seconds(20)) { folded.withLock { $0.last } == "r25" }
        #expect(caughtUp, "\(folded.withLock { $0 })")
        #expect(folded.withLock { $0 } == before + after)
        await replica.follower.shutdown()
        _ = await follower.result
        await instance.close()
    }
}

extension TopicReplicaTests {
    @Test func aReplicaResumedAtAPosition_foldsOnlyTheRecordsFromThere() async throws {
        let cluster = try MockCluster.withTestTopics()
        defer { cluster.shutdown() }
        let directory = try TemporaryDirectory(prefix: "replica")
        defer { directory.remove() }
        let instance = try StoreHarness(cluster: cluster, stateDirectory: directory)
        let before = (1...20).map { "r\($0)" }
        try await KafkaTestKit.produce(before.map { (StoreHarness.key, $0) }, to: StoreHarness.topic, cluster: cluster, ordered: true)

        // A checkpoint covered the first 12 records (offsets 0-11).
        let folded = Locked<[String]>([])
        let replica = try TopicReplica(context: instance.context, name: "test", topics: [(StoreHarness.topic, 1)],
                                       resumingAt: [TopicPartition(topic: StoreHarness.topic, partition: 0): 12]) { message in
            folded.withLock { $0.append(String(decoding: message.value, as: UTF8.self)) }
        }
        let follower = Task { try await replica.follower.run() }
        #expect(try await replica.restore() == 8, "the restore read from the position to the end, nothing before it")
        #expect(folded.withLock { $0 } == Array(before[12...]))
        let after = (21...23).map { "r\($0)" }
        try await KafkaTestKit.produce(after.map { (StoreHarness.key, $0) }, to: StoreHarness.topic, cluster: cluster, ordered: true)
        let caughtUp = await eventually(timeout: .seconds(20)) { folded.withLock { $0.last } == "r23" }
        #expect(caughtUp, "\(folded.withLock { $0 })")
        #expect(folded.withLock { $0 } == Array(before[12...]) + after, "nothing before the position, nothing twice")
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
