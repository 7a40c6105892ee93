import Foundation
import Kafka
import Runtime
import ServiceKit
import TestSupport

/// A state simple enough to compare: every event value of the partition, in offset order.
struct Letters: Codable, Sendable, Equatable {
    var values: [String] = []

    static func fold(_ state: inout Letters, _ message: KafkaMessage) {
        state.values.append(String(decoding: message.value, as: UTF8.self))
    }
}

/// One service instance's view: a context on the mock cluster whose state directory and log the
/// test can inspect, and a store folding `topic` into `Letters`.
struct StoreHarness {
    static let topic = "test.events.v1"
    static let commands = "test.commands.v1"
    /// Every record of these tests uses this key, so all land on one partition.
    static let key = "k"

    let context: ServiceContext
    let store: PartitionedStateStore<Letters>
    let log: RecordingLogSink

    init(cluster: MockCluster, stateDirectory: TemporaryDirectory, checkpointSeconds: Int = 30) throws {
        let env = EnvironmentReader([
            ServiceSettings.Key.kafkaBootstrap: cluster.bootstrapServers,
            ServiceSettings.Key.kafkaProfile: KafkaProfile.mock.rawValue,
            ServiceSettings.Key.stateDirectory: stateDirectory.path,
            ServiceSettings.Key.checkpointInterval: "\(checkpointSeconds)",
        ])
        let settings = ServiceSettings.read(service: "test", from: env)
        try env.validate()
        log = RecordingLogSink()
        let logger = Logger(label: "test", level: .info, sink: log)
        context = ServiceContext(settings: settings, logger: logger, metrics: MetricsRegistry(), readiness: Readiness(),
                                 producer: try KafkaProducer(settings: settings.kafka, logger: logger))
        store = PartitionedStateStore(context: context, commandTopic: Self.commands, eventTopic: Self.topic,
                                      initial: { Letters() }, fold: Letters.fold)
    }

    /// What a batch handler does: decide (apply the events) in place, publish them, then commit
    /// with their delivery reports.
    @discardableResult
    func decide(_ values: [String], partition: Int32) async throws -> [DeliveryReport] {
        try await store.decide(partition) { state in state.values += values }
        let producer = context.producer
        return try await store.commit(partition) {
            try await producer.sendAll(values.map { OutgoingRecord(topic: Self.topic, key: Self.key, value: Array($0.utf8)) })
        }
    }

    func restoredFrom(_ source: String) -> Int64 {
        context.metrics.counter("tradeflow_state_restores_total", help: "", labels: ["topic": Self.topic, "source": source]).value
    }

    var eventsFolded: Int64 {
        context.metrics.counter("tradeflow_state_restore_events_total", help: "", labels: ["topic": Self.topic]).value
    }

    func warnings(containing text: String) -> [LogRecord] {
        log.recorded.filter { $0.level == .warning && $0.message.contains(text) }
    }

    func close() async { await context.producer.close() }
}

extension MockCluster {
    /// A cluster with the harness's topics, one partition each (partition 0 holds everything).
    static func withTestTopics() throws -> MockCluster {
        let cluster = try MockCluster(logger: KafkaTestKit.quietLogger)
        try cluster.createTopic(TopicSpec(name: StoreHarness.topic, partitions: 1))
        try cluster.createTopic(TopicSpec(name: StoreHarness.commands, partitions: 1))
        return cluster
    }
}
