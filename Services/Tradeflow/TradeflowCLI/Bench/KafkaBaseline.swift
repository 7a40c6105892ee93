import Foundation
import Kafka
import Runtime

/// The yardstick: raw produce + consume of `count` records of the platform's typical size through
/// the same Kafka, with the same producer settings (idempotent, acks=all) and consumer client the
/// services use. Our saga's throughput divided by this shows what our own code costs on any machine.
enum KafkaBaseline {
    struct Figures: Codable, Sendable {
        let records: Int
        let bytesPerRecord: Int
        let seconds: Double
        let recordsPerSecond: Double
    }

    static func run(settings: KafkaSettings, count: Int, bytesPerRecord: Int = 600) async throws -> Figures {
        // A topic of its own per run, read from its beginning: nothing of an earlier run counts.
        let topic = "tradeflow.bench.baseline.\(UUID().uuidString.prefix(8).lowercased())"
        let logger = Logger(label: "bench-baseline", level: .warning)
        let producer = try KafkaProducer(settings: settings, logger: logger)
        let value = Array(repeating: UInt8(ascii: "x"), count: bytesPerRecord)
        // The first record creates the topic (the mock cluster auto-creates; a real cluster must
        // allow it or have the topic), so the consumer finds partitions to join.
        try await producer.send(topic: topic, key: "warm-up", value: value)
        let assigned = Latch()
        let consumer = try KafkaConsumer(settings: settings, groupId: "tradeflow-bench-baseline-\(UUID().uuidString.prefix(8))",
                                         topics: [topic], logger: logger, offsetReset: .earliest, bufferCapacity: 65_536) { assignment in
            if !assignment.partitions.isEmpty { assigned.open() }
        }
        // Time the data, not the group join.
        let joinDeadline = ContinuousClock.now + .seconds(30)
        while !assigned.isOpen && ContinuousClock.now < joinDeadline { try await Task.sleep(for: .milliseconds(20)) }
        let received = Task {
            var seen = -1  // the warm-up record
            while seen < count, await consumer.next() != nil { seen += 1 }
            return max(seen, 0)
        }
        let start = ContinuousClock.now
        var sent = 0
        while sent < count {
            let batch = min(5_000, count - sent)
            try await producer.sendAll((0..<batch).map { index in
                OutgoingRecord(topic: topic, key: "k\((sent + index) % 1_000)", value: value)
            })
            sent += batch
        }
        let timeout = Task {
            try? await Task.sleep(for: .seconds(120))
            consumer.stopDelivery()
        }
        let seen = await received.value
        let seconds = (ContinuousClock.now - start).seconds
        timeout.cancel()
        await consumer.close()
        await producer.close()
        return Figures(records: seen, bytesPerRecord: bytesPerRecord, seconds: seconds,
                       recordsPerSecond: seconds > 0 ? Double(seen) / seconds : 0)
    }
}
