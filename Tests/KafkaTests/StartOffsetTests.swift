import Foundation
import Kafka
import Runtime
import Testing
import TestSupport

/// A consumer told where to start reads each named partition from there, whatever its group has
/// committed; the partitions it was not told about start where the group would.
@Suite(.serialized) struct StartOffsetTests {
    @Test func anAssignedPartition_startsAtItsGivenOffset_othersAtTheGroupsPosition() async throws {
        let cluster = try MockCluster(logger: KafkaTestKit.quietLogger)
        defer { cluster.shutdown() }
        try cluster.createTopic(TopicSpec(name: "test.start.v1", partitions: 1))
        try cluster.createTopic(TopicSpec(name: "test.other.v1", partitions: 1))
        try await KafkaTestKit.produce((0..<8).map { ("k", "r\($0)") }, to: "test.start.v1", cluster: cluster, ordered: true)
        try await KafkaTestKit.produce((0..<3).map { ("k", "o\($0)") }, to: "test.other.v1", cluster: cluster, ordered: true)

        let consumer = try KafkaConsumer(settings: KafkaTestKit.settings(cluster), groupId: "start-\(UUID().uuidString.prefix(6))",
                                         topics: ["test.start.v1", "test.other.v1"], logger: KafkaTestKit.quietLogger,
                                         startOffsets: [TopicPartition(topic: "test.start.v1", partition: 0): 5])
        var seen: [String: [String]] = [:]
        let deadline = ContinuousClock.now + .seconds(20)
        while seen["test.start.v1", default: []].count < 3 || seen["test.other.v1", default: []].count < 3,
              ContinuousClock.now < deadline {
            guard let batch = await consumer.nextBatch(maximum: 100) else { break }
            for message in batch { seen[message.topic, default: []].append(String(decoding: message.value, as: UTF8.self)) }
        }
        consumer.stopDelivery()
        await consumer.close()
        #expect(seen["test.start.v1"] == ["r5", "r6", "r7"], "\(seen)")
        #expect(seen["test.other.v1"] == ["o0", "o1", "o2"], "a fresh group starts at the beginning (earliest): \(seen)")
    }
}
