import CRdKafka
import Runtime

/// librdkafka's in-process mock cluster: real Kafka protocol on loopback, so other processes and
/// tools (kcat, Python clients) can connect to `bootstrapServers`. Ports are random on every start.
/// It keeps everything in memory and drops old data past ~5 MiB per partition (see KAFKA-MOCK.md).
public final class MockCluster: Sendable {
    private let host: RDKafkaHandle
    private let cluster: ClusterPointer
    private let context: ClientContext
    private let destroyed = Locked(false)
    public let bootstrapServers: String

    public init(brokers: Int = 1, logger: Logger) throws(KafkaError) {
        let context = ClientContext(logger: logger.with(["component": "mock-cluster"]))
        let conf = try RDKafkaConfig.make([:])
        context.install(on: conf)
        let host = try RDKafkaConfig.newClient(RD_KAFKA_PRODUCER, conf: conf)
        guard let cluster = rd_kafka_mock_cluster_new(host, Int32(brokers)) else {
            rd_kafka_destroy(host)
            throw KafkaError.client("rd_kafka_mock_cluster_new failed")
        }
        self.host = RDKafkaHandle(pointer: host)
        self.cluster = ClusterPointer(pointer: cluster)
        self.context = context
        self.bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(cluster))
    }

    /// Creates a topic through the mock API (Admin CreateTopics times out against the mock).
    /// The mock neither compacts nor expires by time; consumers of compacted topics fold by key anyway.
    public func createTopic(_ spec: TopicSpec) throws(KafkaError) {
        let result = rd_kafka_mock_topic_create(cluster.pointer, spec.name, Int32(spec.partitions), 1)
        if result != RD_KAFKA_RESP_ERR_NO_ERROR {
            throw KafkaError(result, context: "create topic \(spec.name)")
        }
    }

    /// Stops the brokers. Connected clients see the cluster go away.
    public func shutdown() {
        let first = destroyed.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        rd_kafka_mock_cluster_destroy(cluster.pointer)
        rd_kafka_destroy(host.pointer)
    }

    deinit { shutdown() }
}

private struct ClusterPointer: @unchecked Sendable {
    // @unchecked: the mock cluster runs its own thread; we only call its thread-safe API.
    let pointer: OpaquePointer
}
