import Contracts
import Kafka

extension ServiceContext {
    /// Publishes one envelope to its topic, keyed by `envelope.key`, and waits until the broker
    /// has it. The message type also travels as a header so tools can filter without parsing JSON.
    @discardableResult
    public func publish<Family>(_ envelope: Envelope<Family>, to topic: Topic<Family>) async throws -> DeliveryReport {
        let bytes = try WireFormat.encode(envelope)
        return try await producer.send(topic: topic.name, key: envelope.key, value: bytes,
                                       headers: [KafkaHeader(name: "type", text: envelope.type)])
    }

    /// Consumes `topics` (all of one family) with the standard loop. Bytes that are not a valid
    /// envelope of the family are poison: they go to the topic's DLQ with the decoder's reason.
    public func consume<Family>(_ topics: [Topic<Family>], group: String, retry: RetryPolicy = RetryPolicy(),
                                onAssignment: @escaping @Sendable (ConsumerAssignment) -> Void = { _ in },
                                handler: @escaping @Sendable (Envelope<Family>, KafkaMessage) async throws -> Void) throws -> ConsumerService {
        try consumer(group: group, topics: topics.map(\.name), retry: retry, onAssignment: onAssignment) { message in
            let envelope: Envelope<Family>
            do throws(WireFormatError) {
                envelope = try WireFormat.decode(message.value, as: Family.self)
            } catch {
                throw PoisonMessage(error.reason)
            }
            try await handler(envelope, message)
        }
    }
}
