import Contracts
import Foundation
import Kafka

extension ServiceContext {
    /// Publishes one envelope to its topic, keyed by `envelope.key`, and waits until the broker
    /// has it. The message type also travels as a header so tools can filter without parsing JSON.
    /// With `queueWait`, a producer queue that stays full that long throws (see `KafkaProducer.sendAll`).
    @discardableResult
    public func publish<Family>(_ envelope: Envelope<Family>, to topic: Topic<Family>,
                                queueWait: Duration? = nil) async throws -> DeliveryReport {
        try await producer.sendAll([record(envelope, to: topic)], queueWait: queueWait)[0]
    }

    /// Publishes envelopes of one topic in order, waiting once for all of them. The delivery
    /// reports carry the offsets the broker gave them (a state store records how far it covers).
    @discardableResult
    public func publishAll<Family>(_ envelopes: [Envelope<Family>], to topic: Topic<Family>) async throws -> [DeliveryReport] {
        guard !envelopes.isEmpty else { return [] }
        return try await producer.sendAll(envelopes.map { try record($0, to: topic) })
    }

    /// The Kafka record of an envelope: keyed by `envelope.key`, its type also in a header so tools
    /// can filter without parsing JSON.
    public func record<Family>(_ envelope: Envelope<Family>, to topic: Topic<Family>) throws -> OutgoingRecord {
        try Self.record(envelope, to: topic)
    }

    public static func record<Family>(_ envelope: Envelope<Family>, to topic: Topic<Family>) throws -> OutgoingRecord {
        OutgoingRecord(topic: topic.name, key: envelope.key, value: try WireFormat.encode(envelope),
                       headers: [KafkaHeader(name: RecordHeaders.type, text: envelope.type)])
    }

    /// Consumes `topics` (all of one family) with the standard loop. Bytes that are not a valid
    /// envelope of the family are poison: they go to the topic's DLQ with the decoder's reason.
    ///
    /// With `singleWriter`, a record found on another partition than its envelope key belongs to
    /// (an outside producer with a different partitioner) is re-published to the right partition
    /// instead of being handled where that key's state does not live.
    ///
    /// `pace` is how promptly a caught-up consumer sees new records (`FetchPace`).
    ///
    /// With `batch`, partitions are handled side by side (ConsumerService lanes) and all the
    /// messages one partition has waiting are given to `batch` at once, in offset order; a batch
    /// with anything unusual in it (undecodable, misplaced) or that fails goes through `handler`
    /// message by message instead.
    public func consume<Family>(_ topics: [Topic<Family>], group: String, retry: RetryPolicy = RetryPolicy(),
                                singleWriter: Bool = false, lanes: ConsumerService.Lanes? = nil,
                                pace: KafkaSettings.FetchPace = .prompt,
                                onAssignment: @escaping @Sendable (ConsumerAssignment) -> Void = { _ in },
                                batch: (@Sendable ([(envelope: Envelope<Family>, message: KafkaMessage)]) async throws -> Void)? = nil,
                                handler: @escaping @Sendable (Envelope<Family>, KafkaMessage) async throws -> Void) throws -> ConsumerService {
        let byName = Dictionary(uniqueKeysWithValues: topics.map { ($0.name, $0) })
        let logger = self.logger
        var batchHandler: (@Sendable ([KafkaMessage]) async throws -> Void)?
        if let batch {
            batchHandler = { @Sendable messages in
                var decoded: [(envelope: Envelope<Family>, message: KafkaMessage)] = []
                decoded.reserveCapacity(messages.count)
                for message in messages {
                    let envelope = try WireFormat.decode(message.value, as: Family.self)
                    if singleWriter, let topic = byName[message.topic],
                       Murmur2Partitioner.partition(for: envelope.key, partitions: topic.partitions) != message.partition {
                        throw UnusualBatch()
                    }
                    decoded.append((envelope: envelope, message: message))
                }
                try await batch(decoded)
            }
        }
        return try consumer(group: group, topics: topics.map(\.name), retry: retry,
                            lanes: lanes ?? (batch == nil ? nil : ConsumerService.Lanes()), pace: pace,
                            onAssignment: onAssignment, batchHandler: batchHandler) { message in
            let envelope: Envelope<Family>
            do throws(WireFormatError) {
                envelope = try WireFormat.decode(message.value, as: Family.self)
            } catch {
                throw PoisonMessage(error.reason)
            }
            if singleWriter, let topic = byName[message.topic],
               Murmur2Partitioner.partition(for: envelope.key, partitions: topic.partitions) != message.partition {
                logger.warning("record on the wrong partition for its key; re-publishing",
                               ["topic": message.topic, "partition": "\(message.partition)", "key": envelope.key])
                try await publish(envelope, to: topic)
                return
            }
            try await handler(envelope, message)
        }
    }
}

/// A batch that must be handled message by message (the single path dead-letters or re-routes).
private struct UnusualBatch: Error {}

extension ServiceContext {
    /// A timer's command to the partition of `key` (an expiry or overdue check), decided there like
    /// any other input. Its id is derived from `kind`, the key and the second, so a tick sent twice
    /// in one second is one command; a failed send is logged and the next tick tries again.
    public func sendTick<Family>(_ payload: Family, kind: String, key: String, at now: Date, to topic: Topic<Family>) async {
        let envelope = Envelope(id: MessageID.derived(from: kind, key, String(Int(now.timeIntervalSince1970))),
                                occurredAt: now, causationId: nil, correlationId: CorrelationID(MessageID.random()),
                                tenant: settings.tenant, key: key, payload: payload)
        do {
            try await publish(envelope, to: topic)
        } catch {
            logger.warning("\(kind) tick not sent; will retry", ["key": key, "reason": "\(error)"])
        }
    }
}
