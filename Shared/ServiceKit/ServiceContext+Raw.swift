import Contracts
import Kafka

extension ServiceContext {
    /// Consumes topics whose typed families are not designed yet: every record must still be a
    /// valid envelope (else it is poison), and a type outside `handled` is dead-lettered with a
    /// reason naming this service, so a producer running ahead of its consumer loses nothing.
    public func consumeRaw(_ topics: [AnyTopic], group: String, handled: Set<String>,
                           handler: @escaping @Sendable (Envelope<RawFamily>, KafkaMessage) async throws -> Void = { _, _ in })
        throws -> ConsumerService {
        let service = settings.serviceName
        return try consumer(group: group, topics: topics.map(\.name)) { message in
            let envelope: Envelope<RawFamily>
            do throws(WireFormatError) {
                envelope = try WireFormat.decode(message.value, as: RawFamily.self)
            } catch {
                throw PoisonMessage(error.reason)
            }
            guard handled.contains(envelope.type) else {
                throw PoisonMessage("\(service) has no handler for message type \(envelope.type) v\(envelope.version)")
            }
            try await handler(envelope, message)
        }
    }
}
