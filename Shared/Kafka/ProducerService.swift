import Runtime

/// Owns the producer's lifetime as a service: closing it (flushing outstanding records) is part of
/// the ordered shutdown.
public struct ProducerService: Service {
    public let producer: KafkaProducer
    private let stopped = Latch()
    public var name: String { "kafka-producer" }

    public init(producer: KafkaProducer) { self.producer = producer }
    public func run() async throws { await stopped.wait() }
    public func shutdown() async {
        await producer.close()
        stopped.open()
    }
}
