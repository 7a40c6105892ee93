import Runtime

/// The consume loop every Tradeflow service runs: take a message, let the handler apply it and
/// make its effects durable, then store the offset. A poison message, or one that keeps failing,
/// is written to `<topic>.dlq` with the reason and the loop moves on; nothing is dropped silently.
///
/// Shutdown finishes the message in hand, stores its offset, commits and leaves the group.
///
/// With `lanes`, each partition's messages are handled in order by a task of their own, so
/// partitions proceed side by side (a slow broker round trip on one does not hold up the others),
/// and a `batchHandler` may take all the messages a partition has waiting at once: decided one
/// after another in memory, their outputs published in one round trip. That is what lets one hot
/// key (a flash-sale SKU) be decided thousands of times a second. A batch that fails is handled
/// again message by message, with the usual retries and dead-lettering.
public final class ConsumerService: Service {
    /// Partition lanes: at most `maximumInFlight` messages taken from Kafka and not yet handled
    /// (bounded memory), at most `maximumBatch` per batch.
    public struct Lanes: Sendable {
        public var maximumInFlight: Int
        public var maximumBatch: Int

        public init(maximumInFlight: Int = 2_048, maximumBatch: Int = 256) {
            self.maximumInFlight = maximumInFlight
            self.maximumBatch = maximumBatch
        }
    }

    public let name: String
    private let consumer: KafkaConsumer
    private let producer: KafkaProducer
    private let logger: Logger
    private let metrics: MetricsRegistry
    private let retry: RetryPolicy
    private let handler: @Sendable (KafkaMessage) async throws -> Void
    private let lanes: Lanes?
    private let batchHandler: (@Sendable ([KafkaMessage]) async throws -> Void)?
    private let stopRequested = Locked(false)
    private let finished = Latch()

    public init(name: String, consumer: KafkaConsumer, producer: KafkaProducer, logger: Logger,
                metrics: MetricsRegistry, retry: RetryPolicy = RetryPolicy(), lanes: Lanes? = nil,
                batchHandler: (@Sendable ([KafkaMessage]) async throws -> Void)? = nil,
                handler: @escaping @Sendable (KafkaMessage) async throws -> Void) {
        self.name = name
        self.consumer = consumer
        self.producer = producer
        self.logger = logger
        self.metrics = metrics
        self.retry = retry
        self.handler = handler
        self.lanes = lanes
        self.batchHandler = batchHandler
    }

    public func run() async throws {
        defer { finished.open() }
        if let lanes {
            await runLanes(lanes)
            return
        }
        // What arrived is taken at once (one wake-up per poll round), then handled in order. As
        // with lanes, messages taken just before their partition was revoked may still be handled
        // here: handlers are idempotent, and a single writer's state store refuses a partition it
        // no longer holds (`StateNotRestored`; the message is then left to its next owner).
        while !isStopping, let arrived = await consumer.nextBatch(maximum: KafkaConsumer.pollRound) {
            for message in arrived {
                // Stopping: the rest is left unstored; the next owner replays it.
                guard !isStopping else { return }
                await process(message)
            }
        }
    }

    private func runLanes(_ configuration: Lanes) async {
        let permits = AsyncPermits(configuration.maximumInFlight)
        await withTaskGroup(of: Void.self) { group in
            var lanes: [TopicPartition: PartitionLane] = [:]
            // What the poll thread handed over is taken at once and each partition's part pushed
            // to its lane in one go: one wake-up per lane and round, not per message.
            while !isStopping, let arrived = await consumer.nextBatch(maximum: min(configuration.maximumInFlight, KafkaConsumer.pollRound)) {
                await permits.acquire(arrived.count)
                var byPartition: [TopicPartition: [KafkaMessage]] = [:]
                for message in arrived { byPartition[message.topicPartition, default: []].append(message) }
                for (partition, messages) in byPartition {
                    let lane: PartitionLane
                    if let existing = lanes[partition] {
                        lane = existing
                    } else {
                        lane = PartitionLane()
                        lanes[partition] = lane
                        group.addTask {
                            while let batch = await lane.take(maximum: configuration.maximumBatch) {
                                // Stopping: what is still queued is left unstored; the next owner replays it.
                                if !self.isStopping { await self.process(batch) }
                                permits.release(batch.count)
                            }
                        }
                    }
                    lane.push(contentsOf: messages)
                }
            }
            lanes.values.forEach { $0.close() }
        }
    }

    /// A partition's waiting messages: as one batch when there is a batch handler, else (or if the
    /// batch fails) one by one.
    private func process(_ batch: [KafkaMessage]) async {
        if let batchHandler, batch.count > 1, let last = batch.last {
            let start = ContinuousClock.now
            do {
                try await batchHandler(batch)
                let labels = ["topic": last.topic]
                metrics.counter("tradeflow_messages_in_total", help: "Messages consumed", labels: labels).increment(by: Int64(batch.count))
                metrics.counter("tradeflow_batches_total", help: "Batches handled at once", labels: labels).increment()
                metrics.histogram("tradeflow_handler_duration_seconds", help: "Time to handle one message", labels: labels)
                    .observe((ContinuousClock.now - start).seconds / Double(batch.count))
                consumer.storeOffset(after: last)
                return
            } catch {
                logger.warning("batch failed; handling its messages one by one",
                               ["topic": last.topic, "partition": "\(last.partition)", "messages": "\(batch.count)", "reason": "\(error)"])
            }
        }
        for message in batch {
            guard !isStopping else { return }
            await process(message)
        }
    }

    public func shutdown() async {
        stopRequested.withLock { $0 = true }
        consumer.stopDelivery()
        await finished.wait()
        await consumer.close()
    }

    private var isStopping: Bool { stopRequested.withLock { $0 } }

    private func process(_ message: KafkaMessage) async {
        let labels = ["topic": message.topic]
        metrics.counter("tradeflow_messages_in_total", help: "Messages consumed", labels: labels).increment()
        let latency = metrics.histogram("tradeflow_handler_duration_seconds", help: "Time to handle one message", labels: labels)
        let start = ContinuousClock.now
        var attempt = 0
        while true {
            attempt += 1
            do {
                try await handler(message)
                latency.observe((ContinuousClock.now - start).seconds)
                consumer.storeOffset(after: message)
                return
            } catch let poison as PoisonMessage {
                await deadLetter(message, reason: poison.reason, attempts: attempt)
                return
            } catch {
                let stillAssigned = consumer.assignment.partitions.contains(message.topicPartition)
                switch FailedMessageAction(attempt: attempt, of: retry, stillAssigned: stillAssigned) {
                case .leaveToNextOwner:
                    // Typically the handler's state moved away with the partition: dead-lettering
                    // would take the message from its new owner, which reads it from the last stored offset.
                    logger.info("partition revoked while its message failed; its new owner handles it",
                                ["topic": message.topic, "partition": "\(message.partition)", "offset": "\(message.offset)",
                                 "reason": "\(error)"])
                    return
                case .deadLetter:
                    await deadLetter(message, reason: "failed after \(attempt) attempts: \(error)", attempts: attempt)
                    return
                case .retry:
                    break
                }
                logger.warning("handler failed, retrying", ["topic": message.topic, "offset": "\(message.offset)",
                                                            "attempt": "\(attempt)", "reason": "\(error)"])
                // Stopping mid-retry leaves the offset unstored: the next owner replays the message.
                guard (try? await Task.sleep(for: retry.delay(afterAttempt: attempt))) != nil, !isStopping else { return }
            }
        }
    }

    /// Writes the message to its DLQ and stores its offset. If the DLQ cannot be written the
    /// offset stays unstored (the message is replayed later) rather than losing the message.
    private func deadLetter(_ message: KafkaMessage, reason: String, attempts: Int) async {
        let topic = DeadLetter.topic(for: message.topic)
        let headers = DeadLetter.headers(for: message, reason: reason, group: consumer.groupId, attempts: attempts)
        var backoff = Duration.milliseconds(100)
        // At least one attempt even while stopping; after that, retry until it works or we stop.
        repeat {
            do {
                try await producer.send(topic: topic, key: message.keyString, value: message.value, headers: headers)
                consumer.storeOffset(after: message)
                metrics.counter("tradeflow_dlq_messages_total", help: "Messages sent to a dead-letter topic", labels: ["topic": message.topic]).increment()
                logger.error("message dead-lettered", ["topic": message.topic, "partition": "\(message.partition)",
                                                       "offset": "\(message.offset)", "reason": reason])
                return
            } catch {
                logger.error("dead-letter write failed, will retry", ["topic": topic, "reason": "\(error)"])
                try? await Task.sleep(for: backoff)
                backoff = min(backoff * 2, .seconds(5))
            }
        } while !isStopping
    }
}

/// What becomes of a message whose handler failed (not as poison).
enum FailedMessageAction: Equatable {
    case retry
    case deadLetter
    /// The partition is no longer this consumer's: neither retried nor dead-lettered nor stored.
    case leaveToNextOwner

    init(attempt: Int, of policy: RetryPolicy, stillAssigned: Bool) {
        if !stillAssigned {
            self = .leaveToNextOwner
        } else {
            self = attempt >= policy.attempts ? .deadLetter : .retry
        }
    }
}

/// How often a failing (non-poison) message is retried before it is dead-lettered.
public struct RetryPolicy: Sendable {
    public var attempts: Int
    public var baseDelay: Duration

    public init(attempts: Int = 3, baseDelay: Duration = .milliseconds(100)) {
        self.attempts = attempts
        self.baseDelay = baseDelay
    }

    func delay(afterAttempt attempt: Int) -> Duration { baseDelay * (1 << min(attempt - 1, 6)) }
}
