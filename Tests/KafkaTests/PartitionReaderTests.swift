import Foundation
import Kafka
import Runtime
import Testing
import TestSupport

@Suite(.serialized) struct PartitionReaderTests {
    private func values(_ topic: String, from start: Int64, cluster: MockCluster) async throws -> ([String], KafkaPartitionReader.Outcome) {
        let seen = Locked<[String]>([])
        let outcome = try await KafkaPartitionReader.read(settings: KafkaTestKit.settings(cluster), topic: topic, partition: 0,
                                                          from: start, logger: KafkaTestKit.quietLogger) { message in
            seen.withLock { $0.append(String(decoding: message.value, as: UTF8.self)) }
        }
        return (seen.value, outcome)
    }

    @Test func readFromAnOffset_deliversOnlyTheRecordsFromThere_upToTheEnd() async throws {
        let cluster = try MockCluster(logger: KafkaTestKit.quietLogger)
        defer { cluster.shutdown() }
        try cluster.createTopic(TopicSpec(name: "test.read.v1", partitions: 1))
        try await KafkaTestKit.produce((0..<8).map { ("k", "r\($0)") }, to: "test.read.v1", cluster: cluster, ordered: true)

        let (all, whole) = try await values("test.read.v1", from: 0, cluster: cluster)
        #expect(all == (0..<8).map { "r\($0)" })
        #expect(whole.logStart == 0 && whole.logEnd == 8 && whole.messages == 8)

        #expect(whole.clusterId?.isEmpty == false, "the cluster says who it is")
        let other = try MockCluster(logger: KafkaTestKit.quietLogger)
        defer { other.shutdown() }
        try other.createTopic(TopicSpec(name: "test.read.v1", partitions: 1))
        let (_, elsewhere) = try await values("test.read.v1", from: 0, cluster: other)
        #expect(elsewhere.clusterId != nil && elsewhere.clusterId != whole.clusterId, "\(String(describing: elsewhere.clusterId))")
        let (tail, partial) = try await values("test.read.v1", from: 5, cluster: cluster)
        #expect(tail == ["r5", "r6", "r7"])
        #expect(partial.messages == 3 && partial.logEnd == 8)

        let (none, atEnd) = try await values("test.read.v1", from: 8, cluster: cluster)
        #expect(none.isEmpty && atEnd.messages == 0)

        // Beyond the end (a snapshot of a topic since recreated): nothing read, and the caller sees why.
        let (beyond, ahead) = try await values("test.read.v1", from: 100, cluster: cluster)
        #expect(beyond.isEmpty && ahead.logEnd == 8)
    }

    /// A consumer's memory beside its group's offsets is rebuilt from what the group handled:
    /// the records below its committed offset, none when it committed nothing.
    @Test func readHandled_readsUpToTheGroupsCommittedOffset() async throws {
        let cluster = try MockCluster(logger: KafkaTestKit.quietLogger)
        defer { cluster.shutdown() }
        try cluster.createTopic(TopicSpec(name: "test.handled.v1", partitions: 1))
        try await KafkaTestKit.produce((0..<6).map { ("k", "r\($0)") }, to: "test.handled.v1", cluster: cluster, ordered: true)
        func handled(by group: String) async throws -> ([String], KafkaPartitionReader.Outcome) {
            let seen = Locked<[String]>([])
            let outcome = try await KafkaPartitionReader.readHandled(
                by: group, settings: KafkaTestKit.settings(cluster), topic: "test.handled.v1", partition: 0,
                logger: KafkaTestKit.quietLogger) { message in seen.withLock { $0.append(String(decoding: message.value, as: UTF8.self)) } }
            return (seen.value, outcome)
        }

        let (none, nothingCommitted) = try await handled(by: "relay-test")
        #expect(none.isEmpty && nothingCommitted.messages == 0)

        // A member handles four records, stores their offsets and leaves (committing them).
        let consumer = try KafkaConsumer(settings: KafkaTestKit.settings(cluster), groupId: "relay-test",
                                         topics: ["test.handled.v1"], logger: KafkaTestKit.quietLogger)
        for _ in 0..<4 {
            let message = try #require(await consumer.next())
            consumer.storeOffset(after: message)
        }
        consumer.stopDelivery()
        await consumer.close()

        let (four, committed) = try await handled(by: "relay-test")
        #expect(four == ["r0", "r1", "r2", "r3"])
        #expect(committed.logEnd == 4 && committed.messages == 4)
    }
}
