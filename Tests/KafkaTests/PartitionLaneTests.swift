import Foundation
import Kafka
import Runtime
import Testing
import TestSupport

/// ConsumerService with partition lanes: every message handled once, each partition in offset
/// order, waiting messages given as batches, and a failing batch handled message by message.
@Suite(.serialized) struct PartitionLaneTests {
    /// Runs a lanes consumer over `count` records spread over 4 partitions; `batch` decides how
    /// batches are handled. Returns what the single and batch handlers saw, per key.
    func consume(count: Int, batch: @escaping @Sendable ([KafkaMessage]) async throws -> Void,
                 single: @escaping @Sendable (KafkaMessage) async throws -> Void) async throws {
        let cluster = try MockCluster(logger: KafkaTestKit.quietLogger)
        defer { cluster.shutdown() }
        try cluster.createTopic(TopicSpec(name: "test.lanes.v1", partitions: 4))
        let settings = KafkaTestKit.settings(cluster)
        let producer = try KafkaProducer(settings: settings, logger: KafkaTestKit.quietLogger)
        try await producer.sendAll((0..<count).map { index in
            OutgoingRecord(topic: "test.lanes.v1", key: "key-\(index % 8)", value: Array("\(index)".utf8))
        })
        let consumer = try KafkaConsumer(settings: settings, groupId: "lanes-\(UUID().uuidString.prefix(6))", topics: ["test.lanes.v1"],
                                         logger: KafkaTestKit.quietLogger)
        let service = ConsumerService(name: "lanes", consumer: consumer, producer: producer, logger: KafkaTestKit.quietLogger,
                                      metrics: MetricsRegistry(), lanes: .init(maximumInFlight: 64, maximumBatch: 32),
                                      batchHandler: batch, handler: single)
        let running = Task { try await service.run() }
        try await Task.sleep(for: .seconds(1))
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline, !(await done()) { try await Task.sleep(for: .milliseconds(50)) }
        await service.shutdown()
        _ = try? await running.value
        await producer.close()
    }

    let seen = Locked<[String: [Int]]>([:])
    let batches = Locked<[Int]>([])
    let target = Locked(0)

    func record(_ message: KafkaMessage) {
        let value = Int(String(decoding: message.value, as: UTF8.self))!
        seen.withLock { $0[message.keyString ?? "", default: []].append(value) }
    }

    func done() async -> Bool { seen.withLock { $0.values.reduce(0) { $0 + $1.count } } >= target.withLock { $0 } }

    @Test func everyMessageOnce_inOrderPerKey_inBatches() async throws {
        target.withLock { $0 = 2_000 }
        try await consume(count: 2_000, batch: { messages in
            #expect(Set(messages.map(\.partition)).count == 1, "a batch holds one partition")
            batches.withLock { $0.append(messages.count) }
            messages.forEach(record)
        }, single: { record($0) })
        let byKey = seen.withLock { $0 }
        #expect(byKey.values.reduce(0) { $0 + $1.count } == 2_000, "every message handled exactly once")
        for (key, values) in byKey { #expect(values == values.sorted(), "\(key) in offset order") }
        #expect(batches.withLock { $0.contains { $0 > 1 } }, "waiting messages were batched")
        #expect(batches.withLock { $0.allSatisfy { $0 <= 32 } }, "batches respect the maximum")
    }

    @Test func failedBatch_isHandledMessageByMessage() async throws {
        target.withLock { $0 = 500 }
        try await consume(count: 500, batch: { _ in throw CancellationError() }, single: { record($0) })
        let byKey = seen.withLock { $0 }
        #expect(byKey.values.reduce(0) { $0 + $1.count } == 500)
        for (key, values) in byKey { #expect(values == values.sorted(), "\(key) in offset order") }
    }
}
