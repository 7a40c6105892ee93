import CRdKafka
import Foundation
import Runtime

/// Reads one partition from its beginning (or a given offset) up to the end it had when reading
/// started, without a consumer group: how a service rebuilds the state of a partition it was just
/// assigned from its own event topic, or catches up from a local snapshot. Runs on a dedicated
/// thread (librdkafka's calls here block).
public enum KafkaPartitionReader {
    /// What one read saw: the partition's offsets when it started, and what it delivered.
    public struct Outcome: Sendable, Equatable {
        /// The first offset still in the log (above 0 once retention dropped older records).
        public let logStart: Int64
        /// Where the read stopped: the high-water mark (the offset the next record will get), or
        /// the group's committed offset for `readHandled`. Everything below it was read (from
        /// `max(start, logStart)`).
        public let logEnd: Int64
        /// The offset the partition's next record will get (equal to `logEnd` except for
        /// `readHandled`): a position beyond it is one this partition never reached.
        public let highWatermark: Int64
        public let messages: Int
        /// The id of the cluster read (nil when it did not say): a checkpoint taken on another
        /// cluster describes records that are not these.
        public let clusterId: String?
    }

    /// Calls `each` for every message of `topic[partition]` below the high-water mark; returns the count.
    public static func readToEnd(settings: KafkaSettings, topic: String, partition: Int32, logger: Logger,
                                 timeout: Duration = .seconds(60),
                                 each: @escaping @Sendable (KafkaMessage) -> Void) async throws -> Int {
        try await read(settings: settings, topic: topic, partition: partition, from: 0, logger: logger,
                       timeout: timeout, each: each).messages
    }

    /// Calls `each` for every message of `topic[partition]` from `start` (or the log start, if that
    /// is later: older records are gone) up to the high-water mark. A `start` beyond the end reads
    /// nothing; the caller sees it in `logEnd`.
    public static func read(settings: KafkaSettings, topic: String, partition: Int32, from start: Int64,
                            logger: Logger, timeout: Duration = .seconds(60),
                            each: @escaping @Sendable (KafkaMessage) -> Void) async throws -> Outcome {
        try await read(settings: settings, topic: topic, partition: partition, from: start, to: .highWatermark,
                       logger: logger, timeout: timeout, each: each)
    }

    /// Calls `each` for every message of `topic[partition]` below the offset `group` committed
    /// there: what the group has already handled, and what its member just assigned the partition
    /// will not read again. How a consumer rebuilds the memory it keeps beside its group's
    /// offsets (from `start`, where a checkpoint of that memory ends). Reads nothing when the group
    /// has committed nothing there.
    public static func readHandled(by group: String, settings: KafkaSettings, topic: String, partition: Int32,
                                   from start: Int64 = 0, logger: Logger, timeout: Duration = .seconds(60),
                                   each: @escaping @Sendable (KafkaMessage) -> Void) async throws -> Outcome {
        try await read(settings: settings, topic: topic, partition: partition, from: start, to: .committed(group: group),
                       logger: logger, timeout: timeout, each: each)
    }

    private enum End {
        case highWatermark
        case committed(group: String)
    }

    private static func read(settings: KafkaSettings, topic: String, partition: Int32, from start: Int64, to end: End,
                             logger: Logger, timeout: Duration,
                             each: @escaping @Sendable (KafkaMessage) -> Void) async throws -> Outcome {
        let outcome: Result<Outcome, KafkaError> = await onDedicatedThread(name: "restore-\(topic)-\(partition)") {
            Result { () throws(KafkaError) -> Outcome in
                try readBlocking(settings: settings, topic: topic, partition: partition, start: start, end: end,
                                 logger: logger, timeout: timeout, each: each)
            }
        }
        return try outcome.get()
    }

    private static func readBlocking(settings: KafkaSettings, topic: String, partition: Int32, start: Int64, end: End,
                                     logger: Logger, timeout: Duration,
                                     each: (KafkaMessage) -> Void) throws(KafkaError) -> Outcome {
        // Never subscribes, so it never joins the group it names: the id only asks for its offsets.
        let group = if case let .committed(group) = end { group } else { "restore-unused" }
        var properties = settings.consumerProperties(groupId: group)
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
        let highWatermark = high
        let clusterId = ClusterID.of(handle, timeoutMs: min(timeoutMs, 10_000))
        if case .committed = end {
            high = min(high, try committedOffset(handle, topic: topic, partition: partition, timeoutMs: min(timeoutMs, 10_000)) ?? low)
        }
        let first = max(start, low)
        guard high > first else { return Outcome(logStart: low, logEnd: high, highWatermark: highWatermark, messages: 0, clusterId: clusterId) }

        let list = TopicPartitionList.make([(TopicPartition(topic: topic, partition: partition), first)])
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let assigned = rd_kafka_assign(handle, list)
        if assigned != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(assigned, context: "assign \(topic)[\(partition)]") }
        defer { _ = rd_kafka_assign(handle, nil) }

        let deadline = ContinuousClock.now + timeout
        var count = 0
        var next = first
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
        return Outcome(logStart: low, logEnd: high, highWatermark: highWatermark, messages: count, clusterId: clusterId)
    }

    /// The group's committed offset of the partition, nil when it has none.
    private static func committedOffset(_ handle: OpaquePointer, topic: String, partition: Int32,
                                        timeoutMs: Int32) throws(KafkaError) -> Int64? {
        let list = TopicPartitionList.make([TopicPartition(topic: topic, partition: partition)])
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let result = rd_kafka_committed(handle, list, timeoutMs)
        if result != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(result, context: "committed offset of \(topic)[\(partition)]") }
        let element = list.pointee.elems[0]
        if element.err != RD_KAFKA_RESP_ERR_NO_ERROR {
            throw KafkaError(element.err, context: "committed offset of \(topic)[\(partition)]")
        }
        return element.offset >= 0 ? element.offset : nil
    }
}
