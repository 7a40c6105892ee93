import CRdKafka
import Runtime

/// Topic provisioning on a real cluster through the Admin API (CreateTopics). Existing topics are
/// left as they are, so provisioning is safe to run on every deploy.
public final class KafkaAdmin: Sendable {
    let settings: KafkaSettings
    let logger: Logger

    public init(settings: KafkaSettings, logger: Logger) {
        self.settings = settings
        self.logger = logger.with(["component": "kafka-admin"])
    }

    /// Creates the topics that do not exist yet. Returns the names it created.
    public func createTopics(_ specs: [TopicSpec], replicationFactor: Int = 1,
                             timeout: Duration = .seconds(30)) async throws -> [String] {
        let settings = self.settings
        let logger = self.logger
        let outcome: Result<[String], KafkaError> = await onDedicatedThread(name: "kafka-admin") {
            Result { () throws(KafkaError) -> [String] in
                try Self.createTopicsBlocking(specs, settings: settings, logger: logger,
                                              replicationFactor: replicationFactor, timeout: timeout)
            }
        }
        return try outcome.get()
    }

    /// Runs `body` with a short-lived client handle for admin requests (blocking: call it on a
    /// dedicated thread), destroyed when `body` returns.
    static func withClient<Value>(settings: KafkaSettings, logger: Logger,
                                  _ body: (OpaquePointer) throws(KafkaError) -> Value) throws(KafkaError) -> Value {
        let context = ClientContext(logger: logger)
        let conf = try RDKafkaConfig.make(["bootstrap.servers": settings.bootstrapServers, "client.id": settings.clientId]
            .merging(settings.overrides) { _, override in override })
        context.install(on: conf)
        let handle = try RDKafkaConfig.newClient(RD_KAFKA_PRODUCER, conf: conf)
        defer { withExtendedLifetime(context) { rd_kafka_destroy(handle) } }
        return try body(handle)
    }

    private static func createTopicsBlocking(_ specs: [TopicSpec], settings: KafkaSettings, logger: Logger,
                                             replicationFactor: Int, timeout: Duration) throws(KafkaError) -> [String] {
        try withClient(settings: settings, logger: logger) { handle throws(KafkaError) in
            try createTopics(specs, on: handle, logger: logger, replicationFactor: replicationFactor, timeout: timeout)
        }
    }

    private static func createTopics(_ specs: [TopicSpec], on handle: OpaquePointer, logger: Logger,
                                     replicationFactor: Int, timeout: Duration) throws(KafkaError) -> [String] {

        var newTopics: [OpaquePointer?] = []
        defer { newTopics.withUnsafeMutableBufferPointer { rd_kafka_NewTopic_destroy_array($0.baseAddress, $0.count) } }
        for spec in specs {
            var errorText = [CChar](repeating: 0, count: 512)
            guard let topic = rd_kafka_NewTopic_new(spec.name, Int32(spec.partitions), Int32(replicationFactor), &errorText, errorText.count) else {
                throw KafkaError.client("topic \(spec.name): \(errorString(errorText))")
            }
            for (key, value) in spec.configs.sorted(by: { $0.key < $1.key }) {
                _ = rd_kafka_NewTopic_set_config(topic, key, value)
            }
            newTopics.append(topic)
        }

        let queue = rd_kafka_queue_new(handle)!
        defer { rd_kafka_queue_destroy(queue) }
        let options = rd_kafka_AdminOptions_new(handle, RD_KAFKA_ADMIN_OP_CREATETOPICS)!
        defer { rd_kafka_AdminOptions_destroy(options) }
        let timeoutMs = Int32(timeout.seconds * 1000)
        _ = rd_kafka_AdminOptions_set_operation_timeout(options, timeoutMs, nil, 0)
        newTopics.withUnsafeMutableBufferPointer { rd_kafka_CreateTopics(handle, $0.baseAddress, $0.count, options, queue) }

        guard let event = rd_kafka_queue_poll(queue, timeoutMs + 5000) else {
            throw KafkaError.client("CreateTopics got no answer within \(timeout)")
        }
        defer { rd_kafka_event_destroy(event) }
        let eventError = rd_kafka_event_error(event)
        if eventError != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(eventError, context: "CreateTopics") }
        guard let result = rd_kafka_event_CreateTopics_result(event) else { throw KafkaError.client("unexpected admin event") }
        var count = 0
        let topics = rd_kafka_CreateTopics_result_topics(result, &count)!
        var created: [String] = []
        for index in 0..<count {
            let name = String(cString: rd_kafka_topic_result_name(topics[index]))
            let error = rd_kafka_topic_result_error(topics[index])
            switch error {
            case RD_KAFKA_RESP_ERR_NO_ERROR: created.append(name)
            case RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS: logger.debug("topic exists", ["topic": name])
            default: throw KafkaError(error, context: "create topic \(name)")
            }
        }
        return created
    }
}
