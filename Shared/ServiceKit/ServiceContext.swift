import Kafka
import Runtime

/// What a service's wiring gets from the bootstrap: its settings and the process-wide tools.
public struct ServiceContext: Sendable {
    public let settings: ServiceSettings
    public let logger: Logger
    public let metrics: MetricsRegistry
    public let readiness: Readiness
    public let producer: KafkaProducer

    public init(settings: ServiceSettings, logger: Logger, metrics: MetricsRegistry, readiness: Readiness,
                producer: KafkaProducer) {
        self.settings = settings
        self.logger = logger
        self.metrics = metrics
        self.readiness = readiness
        self.producer = producer
    }

    /// A group consumer running the standard consume loop. The service is reported not ready until
    /// the group has assigned this instance its partitions.
    public func consumer(group: String, topics: [String], retry: RetryPolicy = RetryPolicy(),
                         lanes: ConsumerService.Lanes? = nil, pace: KafkaSettings.FetchPace = .prompt,
                         startOffsets: [TopicPartition: Int64] = [:],
                         onAssignment: @escaping @Sendable (ConsumerAssignment) -> Void = { _ in },
                         batchHandler: (@Sendable ([KafkaMessage]) async throws -> Void)? = nil,
                         handler: @escaping @Sendable (KafkaMessage) async throws -> Void) throws -> ConsumerService {
        let readiness = self.readiness
        let condition = "kafka-group:\(group)"
        readiness.require(condition)
        let consumer = try KafkaConsumer(settings: settings.kafka, groupId: group, topics: topics,
                                         logger: logger, metrics: metrics, pace: pace,
                                         startOffsets: startOffsets) { assignment in
            readiness.set(condition, assignment.hasJoinedGroup)
            onAssignment(assignment)
        }
        return ConsumerService(name: "consumer:\(group)", consumer: consumer, producer: producer, logger: logger,
                               metrics: metrics, retry: retry, lanes: lanes, batchHandler: batchHandler, handler: handler)
    }
}
