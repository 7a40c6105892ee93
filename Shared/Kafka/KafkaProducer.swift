import CRdKafka
import Foundation
import Runtime

/// An idempotent, `acks=all` producer. `send` suspends until the broker acknowledged the record
/// (its delivery report), so a caller can store its input offset only after its output is durable.
///
/// librdkafka's blocking calls (`rd_kafka_poll`, `rd_kafka_flush`) run on a dedicated thread,
/// never on Swift's cooperative pool; delivery reports resume the waiting tasks from there.
public final class KafkaProducer: Sendable {
    let handle: RDKafkaHandle
    /// True while `warmUp` uses the handle; closing waits for it before freeing the client.
    let warmingUp = Locked(false)
    private let context: ClientContext
    let closed = Locked(false)
    private let pollThreadDone = Latch()
    private let flushTimeout: Duration
    private let metrics: MetricsRegistry?

    public init(settings: KafkaSettings, pace: KafkaSettings.ProducerPace = .batched, logger: Logger,
                metrics: MetricsRegistry? = nil, flushTimeout: Duration = .seconds(5)) throws(KafkaError) {
        let context = ClientContext(logger: logger.with(["component": "kafka-producer"]))
        let conf = try RDKafkaConfig.make(settings.producerProperties(pace: pace))
        context.install(on: conf)
        rd_kafka_conf_set_dr_msg_cb(conf) { _, message, _ in
            guard let message, let opaque = message.pointee._private else { return }
            let promise = Unmanaged<DeliveryPromise>.fromOpaque(opaque).takeRetainedValue()
            let record = message.pointee
            if record.err == RD_KAFKA_RESP_ERR_NO_ERROR {
                promise.complete(.success(DeliveryReport(topic: promise.topic, partition: record.partition, offset: record.offset)))
            } else {
                promise.complete(.failure(KafkaError(record.err, context: "delivery to \(promise.topic)")))
            }
        }
        self.handle = RDKafkaHandle(pointer: try RDKafkaConfig.newClient(RD_KAFKA_PRODUCER, conf: conf))
        self.context = context
        self.flushTimeout = flushTimeout
        self.metrics = metrics
        startPollThread()
    }

    /// Produces one record and waits for its delivery report. A full local queue is back-pressure,
    /// not an error: the call waits and retries until the record is accepted.
    @discardableResult
    public func send(topic: String, key: String?, value: [UInt8], headers: [KafkaHeader] = [],
                     partition: Int32? = nil) async throws -> DeliveryReport {
        try await sendAll([OutgoingRecord(topic: topic, key: key, value: value, headers: headers, partition: partition)])[0]
    }

    /// Produces records in order and then waits for all their delivery reports: one round trip for
    /// the batch instead of one per record. Records of one partition keep their order (the
    /// idempotent producer guarantees it), so a service can publish a decision's outputs at once.
    ///
    /// A full local queue is waited out; with `queueWait`, for at most that long, then the call
    /// throws a `KafkaError` whose `isQueueFull` is true (a gateway answers 503 instead of holding
    /// its client). Records already enqueued by then are still delivered.
    @discardableResult
    public func sendAll(_ records: [OutgoingRecord], queueWait: Duration? = nil) async throws -> [DeliveryReport] {
        let giveUp = queueWait.map { ContinuousClock.now + $0 }
        var promises: [DeliveryPromise] = []
        promises.reserveCapacity(records.count)
        var backoff = Duration.milliseconds(1)
        var next = 0
        while next < records.count {
            let record = records[next]
            let promise = DeliveryPromise(topic: record.topic)
            let error = enqueue(record, promise: promise)
            if error == RD_KAFKA_RESP_ERR_NO_ERROR {
                promises.append(promise)
                next += 1
                backoff = .milliseconds(1)
            } else if error == RD_KAFKA_RESP_ERR__QUEUE_FULL {
                if let giveUp, ContinuousClock.now >= giveUp { throw KafkaError(error, context: "produce to \(record.topic)") }
                try await Task.sleep(for: backoff)
                backoff = min(backoff * 2, .milliseconds(100))
            } else {
                throw KafkaError(error, context: "produce to \(record.topic)")
            }
        }
        var reports: [DeliveryReport] = []
        reports.reserveCapacity(promises.count)
        for promise in promises {
            let report = try await promise.value()
            metrics?.counter("tradeflow_messages_out_total", help: "Messages produced and acknowledged",
                             labels: ["topic": report.topic]).increment()
            reports.append(report)
        }
        return reports
    }

    /// Hands one record to librdkafka (never blocks); on success librdkafka owns a retained promise.
    private func enqueue(_ record: OutgoingRecord, promise: DeliveryPromise) -> rd_kafka_resp_err_t {
        let opaque = Unmanaged.passRetained(promise)
        // The lock makes "not closed" and "enqueued" one step, so close() cannot destroy the
        // handle between the check and the call; rd_kafka_producev itself does not block.
        let result: rd_kafka_resp_err_t = closed.withLock { isClosed in
            if isClosed { return RD_KAFKA_RESP_ERR__DESTROY }
            let cHeaders = makeHeaders(record.headers)
            let keyBytes = record.key.map { Array($0.utf8) } ?? []
            let error = record.value.withUnsafeBytes { valueBuffer in
                keyBytes.withUnsafeBytes { keyBuffer in
                    tf_produce(handle.pointer, record.topic, record.partition ?? tf_partition_unassigned(),
                               record.key == nil ? nil : keyBuffer.baseAddress, keyBuffer.count,
                               valueBuffer.baseAddress, valueBuffer.count, cHeaders, opaque.toOpaque())
                }
            }
            if error != RD_KAFKA_RESP_ERR_NO_ERROR, let cHeaders { rd_kafka_headers_destroy(cHeaders) }
            return error
        }
        if result != RD_KAFKA_RESP_ERR_NO_ERROR { opaque.release() }
        return result
    }

    private func makeHeaders(_ headers: [KafkaHeader]) -> OpaquePointer? {
        guard !headers.isEmpty else { return nil }
        let list = rd_kafka_headers_new(headers.count)!
        for header in headers {
            header.value.withUnsafeBytes { bytes in
                _ = rd_kafka_header_add(list, header.name, -1, bytes.baseAddress, bytes.count)
            }
        }
        return list
    }

    /// Number of records waiting for a delivery report.
    public var outstanding: Int { Int(rd_kafka_outq_len(handle.pointer)) }

    /// Stops accepting records, waits up to `flushTimeout` for outstanding deliveries, fails the
    /// rest with an error, and frees the client. Safe to call more than once.
    public func close() async {
        let firstClose = closed.withLock { isClosed in
            defer { isClosed = true }
            return !isClosed
        }
        guard firstClose else { return await pollThreadDone.wait() }
        await pollThreadDone.wait()
    }

    private func startPollThread() {
        let handle = self.handle
        let timeoutMs = Int32(flushTimeout.seconds * 1000)
        let thread = Thread { [self] in
            while !closed.withLock({ $0 }) {
                rd_kafka_poll(handle.pointer, 100)
            }
            // Flushing serves the delivery callbacks, so every waiting send is resumed.
            if rd_kafka_flush(handle.pointer, timeoutMs) != RD_KAFKA_RESP_ERR_NO_ERROR {
                context.logger.warning("producer closed with undelivered records", ["count": "\(rd_kafka_outq_len(handle.pointer))"])
                rd_kafka_purge(handle.pointer, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT)
                rd_kafka_poll(handle.pointer, 0)  // delivers the purge errors to their waiters
            }
            // A warm-up still asking for metadata finishes its current call (bounded) first.
            while warmingUp.withLock({ $0 }) { Thread.sleep(forTimeInterval: 0.01) }
            rd_kafka_destroy(handle.pointer)
            pollThreadDone.open()
        }
        thread.name = "kafka-producer-poll"
        thread.start()
    }
}

/// Carries a record's outcome through librdkafka as the per-message opaque pointer. The delivery
/// report may arrive before anyone waits for it (batches enqueue first and wait afterwards).
final class DeliveryPromise: Sendable {
    let topic: String
    private let state = Locked<(result: Result<DeliveryReport, KafkaError>?, waiter: CheckedContinuation<DeliveryReport, any Error>?)>((nil, nil))

    init(topic: String) { self.topic = topic }

    func complete(_ result: Result<DeliveryReport, KafkaError>) {
        let waiter = state.withLock { state -> CheckedContinuation<DeliveryReport, any Error>? in
            state.result = result
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(with: result)
    }

    func value() async throws -> DeliveryReport {
        try await withCheckedThrowingContinuation { continuation in
            let ready = state.withLock { state -> Result<DeliveryReport, KafkaError>? in
                if state.result == nil { state.waiter = continuation }
                return state.result
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}

/// One record of a batch.
public struct OutgoingRecord: Sendable {
    public let topic: String
    public let key: String?
    public let value: [UInt8]
    public let headers: [KafkaHeader]
    public let partition: Int32?

    public init(topic: String, key: String?, value: [UInt8], headers: [KafkaHeader] = [], partition: Int32? = nil) {
        self.topic = topic
        self.key = key
        self.value = value
        self.headers = headers
        self.partition = partition
    }
}
