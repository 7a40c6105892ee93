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

        let (tail, partial) = try await values("test.read.v1", from: 5, cluster: cluster)
        #expect(tail == ["r5", "r6", "r7"])
        #expect(partial.messages == 3 && partial.logEnd == 8)

        let (none, atEnd) = try await values("test.read.v1", from: 8, cluster: cluster)
        #expect(none.isEmpty && atEnd.messages == 0)

        // Beyond the end (a snapshot of a topic since recreated): nothing read, and the caller sees why.
        let (beyond, ahead) = try await values("test.read.v1", from: 100, cluster: cluster)
        #expect(beyond.isEmpty && ahead.logEnd == 8)
    }
}
