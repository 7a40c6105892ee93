import CRdKafka
import Foundation
import Runtime

/// Reads one partition from its beginning up to the end it had when reading started, without a
/// consumer group: how a service rebuilds the state of a partition it was just assigned from its
/// own event topic. Runs on a dedicated thread (librdkafka's calls here block).
public enum KafkaPartitionReader {
    /// Calls `each` for every message of `topic[partition]` below the high-water mark; returns the count.
    public static func readToEnd(settings: KafkaSettings, topic: String, partition: Int32, logger: Logger,
                                 timeout: Duration = .seconds(60),
                                 each: @escaping @Sendable (KafkaMessage) -> Void) async throws -> Int {
        try await readRetained(settings: settings, topic: topic, partition: partition, logger: logger,
                               timeout: timeout, each: each).count
    }

    /// Like `readToEnd`, and also says where the partition's retained history started: a reader
    /// that must judge whole histories (`tradeflow verify`) needs to know when retention already
    /// dropped the beginning.
    public static func readRetained(settings: KafkaSettings, topic: String, partition: Int32, logger: Logger,
                                    timeout: Duration = .seconds(60),
                                    each: @escaping @Sendable (KafkaMessage) -> Void) async throws -> RetainedRange {
        let outcome: Result<RetainedRange, KafkaError> = await onDedicatedThread(name: "restore-\(topic)-\(partition)") {
            Result { () throws(KafkaError) -> RetainedRange in
                try readBlocking(settings: settings, topic: topic, partition: partition, logger: logger,
                                 timeout: timeout, each: each)
            }
        }
        return try outcome.get()
    }

    private static func readBlocking(settings: KafkaSettings, topic: String, partition: Int32, logger: Logger,
                                     timeout: Duration, each: (KafkaMessage) -> Void) throws(KafkaError) -> RetainedRange {
        var properties = settings.consumerProperties(groupId: "restore-unused")
        properties["enable.auto.commit"] = "false"
        properties["partition.assignment.strategy"] = "range"
        let context = ClientContext(logger: logger.with(["component": "partition-reader"]))
        let conf = try RDKafkaConfig.make(properties)
        context.install(on: conf)
        let handle = try RDKafkaConfig.newClient(RD_KAFKA_CONSUMER, conf: conf)
        defer { withExtendedLifetime(context) { rd_kafka_destroy(handle) } }
        rd_kafka_poll_set_consumer(handle)

        let timeoutMs = Int32(timeout.seconds * 1000)
        var low: Int64 = 0
        var high: Int64 = 0
        let watermarks = rd_kafka_query_watermark_offsets(handle, topic, partition, &low, &high, min(timeoutMs, 10_000))
        if watermarks != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(watermarks, context: "watermarks of \(topic)[\(partition)]") }
        guard high > low else { return RetainedRange(logStart: low, end: high, count: 0) }

        let list = TopicPartitionList.make([(TopicPartition(topic: topic, partition: partition), low)])
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let assigned = rd_kafka_assign(handle, list)
        if assigned != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(assigned, context: "assign \(topic)[\(partition)]") }
        defer { _ = rd_kafka_assign(handle, nil) }

        let deadline = ContinuousClock.now + timeout
        var count = 0
        var next = low
        while next < high {
            guard ContinuousClock.now < deadline else {
                throw KafkaError.client("restoring \(topic)[\(partition)] did not reach offset \(high) within \(timeout) (at \(next))")
            }
            guard let message = rd_kafka_consumer_poll(handle, 100) else { continue }
            defer { rd_kafka_message_destroy(message) }
            if message.pointee.err != RD_KAFKA_RESP_ERR_NO_ERROR {
                throw KafkaError(message.pointee.err, context: "restoring \(topic)[\(partition)]")
            }
            each(KafkaConsumer.copy(message))
            count += 1
            next = message.pointee.offset + 1
        }
        return RetainedRange(logStart: low, end: high, count: count)
    }
}
