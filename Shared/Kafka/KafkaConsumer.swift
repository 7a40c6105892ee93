import CRdKafka
import Foundation
import Runtime

/// A member of a consumer group that hands messages, one at a time, to a single handling task.
///
/// Offsets are never stored automatically: call `storeOffset(after:)` once a message's effects are
/// durable; librdkafka commits stored offsets in the background and on `close()`. A crash between
/// handling and storing replays the message, which is why every handler must be idempotent.
public final class KafkaConsumer: Sendable {
    public let groupId: String
    public let topics: [String]
    private let handle: RDKafkaHandle
    private let context: ConsumerContext
    private let buffer: MessageBuffer
    private let stopping = Locked(false)
    private let stopped = Latch()
    private let lagGauge: Gauge?
    private let resetFailures: Counter?

    /// `startOffsets` places each partition it names when the partition is assigned, before
    /// the group's committed offset (or `offsetReset`) would: how a replica resumes from its
    /// checkpoint's positions.
    public init(settings: KafkaSettings, groupId: String, topics: [String], logger: Logger,
                metrics: MetricsRegistry? = nil, offsetReset: KafkaSettings.OffsetReset = .earliest,
                bufferCapacity: Int = 2048, pace: KafkaSettings.FetchPace = .prompt,
                startOffsets: [TopicPartition: Int64] = [:],
                onAssignmentChange: @escaping @Sendable (ConsumerAssignment) -> Void = { _ in }) throws(KafkaError) {
        self.groupId = groupId
        self.topics = topics
        let buffer = MessageBuffer(capacity: bufferCapacity)
        let context = ConsumerContext(logger: logger.with(["component": "kafka-consumer", "group": groupId]),
                                      buffer: buffer, startOffsets: startOffsets, onAssignmentChange: onAssignmentChange)
        let conf = try RDKafkaConfig.make(settings.consumerProperties(groupId: groupId, offsetReset: offsetReset, pace: pace))
        context.install(on: conf)
        let pointer = try RDKafkaConfig.newClient(RD_KAFKA_CONSUMER, conf: conf)
        rd_kafka_poll_set_consumer(pointer)
        self.handle = RDKafkaHandle(pointer: pointer)
        self.context = context
        self.buffer = buffer
        self.lagGauge = metrics?.gauge("tradeflow_consumer_lag_messages", help: "Messages behind the end of the assigned partitions", labels: ["group": groupId])
        self.resetFailures = metrics?.counter("tradeflow_consumer_offset_reset_errors_total", help: "Partitions whose committed offset was no longer available", labels: ["group": groupId])

        let subscription = TopicPartitionList.make(topics.map { TopicPartition(topic: $0, partition: tf_partition_unassigned()) })
        defer { rd_kafka_topic_partition_list_destroy(subscription) }
        let result = rd_kafka_subscribe(pointer, subscription)
        if result != RD_KAFKA_RESP_ERR_NO_ERROR {
            rd_kafka_destroy(pointer)
            throw KafkaError(result, context: "subscribe to \(topics.joined(separator: ","))")
        }
        startPollThread()
    }

    /// The next message; suspends until one arrives. Returns nil after `close()`.
    public func next() async -> KafkaMessage? { await buffer.next() }

    /// Up to `maximum` messages that arrived, in the order they arrived (each partition's in
    /// offset order); suspends until there is at least one. Returns nil after `close()`.
    public func nextBatch(maximum: Int) async -> [KafkaMessage]? { await buffer.nextBatch(maximum: maximum) }

    /// Marks `message` as done: its offset + 1 will be committed. Call only after its effects are durable.
    public func storeOffset(after message: KafkaMessage) {
        let list = TopicPartitionList.make([(message.topicPartition, message.offset + 1)])
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let result = rd_kafka_offsets_store(handle.pointer, list)
        if result != RD_KAFKA_RESP_ERR_NO_ERROR {
            // Typically the partition was revoked meanwhile: its new owner replays the message.
            context.logger.debug("offset not stored", ["partition": message.topicPartition.description, "reason": KafkaError(result).message])
        }
    }

    /// Stops handing out messages (`next()` returns nil) while staying in the group, so the task
    /// handling the current message can finish it and store its offset before `close()`.
    public func stopDelivery() { buffer.finish() }

    public var assignment: ConsumerAssignment { context.assignment }

    /// Messages between the consumer's position and the end of each assigned partition.
    public var lag: Int64 { Self.lag(handle.pointer, partitions: context.assignment.partitions) }

    /// Commits stored offsets, leaves the group (so others take over at once) and frees the client.
    /// Stop calling `next()` and finish the message in hand before calling it.
    public func close() async {
        stopping.withLock { $0 = true }
        buffer.finish()
        await stopped.wait()
    }

    /// Messages taken from librdkafka's queue per round: what already waits there is handed on
    /// with at most one wake-up of the handling task, instead of one per message.
    static let pollRound = 256

    private func startPollThread() {
        let handle = self.handle
        let thread = Thread { [self] in
            var lastLagUpdate = ContinuousClock.now
            while !stopping.withLock({ $0 }) {
                buffer.waitForSpace()
                if stopping.withLock({ $0 }) { break }
                // Wait up to 100 ms for the first message, then take what else is ready at once.
                var timeout: Int32 = 100
                var taken = 0
                while taken < Self.pollRound, let message = rd_kafka_consumer_poll(handle.pointer, timeout) {
                    timeout = 0
                    taken += 1
                    if let copy = receive(message) { buffer.stage(copy) }
                    rd_kafka_message_destroy(message)
                }
                buffer.publishStaged()
                if ContinuousClock.now - lastLagUpdate > .seconds(1) {
                    lastLagUpdate = .now
                    lagGauge?.set(Self.lag(handle.pointer, partitions: context.assignment.partitions))
                }
            }
            shutDown()
        }
        thread.name = "kafka-consumer-poll"
        thread.start()
    }

    /// The message's copy, or nil for an error event (logged here).
    private func receive(_ message: UnsafeMutablePointer<rd_kafka_message_t>) -> KafkaMessage? {
        let record = message.pointee
        guard record.err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            let error = KafkaError(record.err)
            if record.err == RD_KAFKA_RESP_ERR__AUTO_OFFSET_RESET {
                resetFailures?.increment()
                context.logger.critical("committed offset is gone: messages were lost from the topic", ["reason": error.message])
            } else {
                context.logger.warning("consume error", ["reason": error.message])
            }
            return nil
        }
        return Self.copy(message)
    }

    private func shutDown() {
        let pointer = handle.pointer
        let commitResult = rd_kafka_commit(pointer, nil, 0)
        if commitResult != RD_KAFKA_RESP_ERR_NO_ERROR && commitResult != RD_KAFKA_RESP_ERR__NO_OFFSET {
            context.logger.warning("final offset commit failed", ["reason": KafkaError(commitResult).message])
        }
        let closeResult = rd_kafka_consumer_close(pointer)
        if closeResult != RD_KAFKA_RESP_ERR_NO_ERROR {
            context.logger.warning("consumer close failed", ["reason": KafkaError(closeResult).message])
        }
        rd_kafka_destroy(pointer)
        stopped.open()
    }
}

extension KafkaConsumer {
    static func copy(_ message: UnsafeMutablePointer<rd_kafka_message_t>) -> KafkaMessage {
        let record = message.pointee
        let value = record.payload.map { Array(UnsafeRawBufferPointer(start: $0, count: record.len)) } ?? []
        let key = record.key.map { Array(UnsafeRawBufferPointer(start: $0, count: record.key_len)) }
        var timestampType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let timestamp = rd_kafka_message_timestamp(message, &timestampType)
        return KafkaMessage(topic: String(cString: rd_kafka_topic_name(record.rkt)), partition: record.partition,
                            offset: record.offset, key: key, value: value, headers: headers(of: message),
                            timestampMilliseconds: timestampType == RD_KAFKA_TIMESTAMP_NOT_AVAILABLE ? nil : timestamp)
    }

    private static func headers(of message: UnsafeMutablePointer<rd_kafka_message_t>) -> [KafkaHeader] {
        var list: OpaquePointer?
        guard rd_kafka_message_headers(message, &list) == RD_KAFKA_RESP_ERR_NO_ERROR, let list else { return [] }
        var result: [KafkaHeader] = []
        var index = 0
        var name: UnsafePointer<CChar>?
        var value: UnsafeRawPointer?
        var size = 0
        while rd_kafka_header_get_all(list, index, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
            let bytes = value.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) } ?? []
            result.append(KafkaHeader(name: String(cString: name!), value: bytes))
            index += 1
        }
        return result
    }

    static func lag(_ handle: OpaquePointer, partitions: [TopicPartition]) -> Int64 {
        guard !partitions.isEmpty else { return 0 }
        let list = TopicPartitionList.make(partitions)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        guard rd_kafka_position(handle, list) == RD_KAFKA_RESP_ERR_NO_ERROR else { return 0 }
        var total: Int64 = 0
        for index in 0..<Int(list.pointee.cnt) {
            let element = list.pointee.elems[index]
            var low: Int64 = 0
            var high: Int64 = 0
            guard rd_kafka_get_watermark_offsets(handle, element.topic, element.partition, &low, &high) == RD_KAFKA_RESP_ERR_NO_ERROR,
                  high >= 0 else { continue }
            let position = element.offset >= 0 ? element.offset : low
            total += max(0, high - position)
        }
        return total
    }
}
