import Foundation
import Kafka
import Runtime

/// Helpers for tests against librdkafka's mock cluster.
public enum KafkaTestKit {
    public static let quietLogger = Logger(label: "test", level: .error)

    public static func settings(_ cluster: MockCluster, clientId: String = "test") -> KafkaSettings {
        KafkaSettings(bootstrapServers: cluster.bootstrapServers, profile: .mock, clientId: clientId)
    }

    /// Produces `values` with their keys and waits for every delivery report. `ordered` sends one
    /// at a time so records keep their order within a partition (concurrent sends may reorder).
    public static func produce(_ values: [(key: String, value: String)], to topic: String,
                               cluster: MockCluster, ordered: Bool = false) async throws {
        let producer = try KafkaProducer(settings: settings(cluster, clientId: "test-producer"), logger: quietLogger)
        if ordered {
            for (key, value) in values { try await producer.send(topic: topic, key: key, value: Array(value.utf8)) }
        } else {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (key, value) in values {
                    group.addTask { try await producer.send(topic: topic, key: key, value: Array(value.utf8)) }
                }
                try await group.waitForAll()
            }
        }
        await producer.close()
    }

    /// Reads every message of `topic` from the beginning until `count` arrived or `timeout` passed.
    public static func readAll(_ topic: String, count: Int, cluster: MockCluster,
                               timeout: Duration = .seconds(20)) async throws -> [KafkaMessage] {
        let consumer = try KafkaConsumer(settings: settings(cluster, clientId: "test-reader"),
                                         groupId: "reader-\(UUID().uuidString)", topics: [topic], logger: quietLogger)
        var messages: [KafkaMessage] = []
        let deadline = ContinuousClock.now + timeout
        while messages.count < count && ContinuousClock.now < deadline {
            let next = await withTaskGroup(of: KafkaMessage?.self) { group in
                group.addTask { await consumer.next() }
                group.addTask {
                    // Cancelled when a message arrived first: then the consumer must keep delivering.
                    guard (try? await Task.sleep(for: deadline - ContinuousClock.now)) != nil else { return nil }
                    consumer.stopDelivery()
                    return nil
                }
                let first = await group.next() ?? nil
                group.cancelAll()
                return first
            }
            guard let next else { break }
            messages.append(next)
        }
        consumer.stopDelivery()
        await consumer.close()
        return messages
    }
}
