import Foundation

/// Which kind of cluster the process talks to. The mock cluster needs different timings
/// (measured in KAFKA-MOCK.md): it holds empty fetches for the full `fetch.wait.max.ms` and
/// delays a group join by `session.timeout.ms - 1000`.
public enum KafkaProfile: String, CaseIterable, Sendable {
    /// librdkafka's in-process mock cluster (development and tests).
    case mock
    /// A real Kafka cluster (docker-compose, Kubernetes).
    case cluster
}

/// Where the cluster is and how to talk to it; turned into librdkafka properties per client.
public struct KafkaSettings: Sendable {
    public var bootstrapServers: String
    public var profile: KafkaProfile
    public var clientId: String
    /// Extra librdkafka properties (e.g. `security.protocol`), applied last so operators can override.
    public var overrides: [String: String]

    public init(bootstrapServers: String, profile: KafkaProfile, clientId: String, overrides: [String: String] = [:]) {
        self.bootstrapServers = bootstrapServers
        self.profile = profile
        self.clientId = clientId
        self.overrides = overrides
    }

    private var common: [String: String] {
        [
            "bootstrap.servers": bootstrapServers,
            "client.id": clientId,
            "message.max.bytes": "1048576",
            "socket.keepalive.enable": "true",
        ]
    }

    /// Idempotent producer: no duplicates or reordering from its own retries, `acks=all` for durability.
    public func producerProperties(pace: ProducerPace = .batched) -> [String: String] {
        var properties = common
        // Java's partitioner, so an ERP producing with any standard client lands keys on the
        // same partitions as we do (librdkafka's default hashes keys differently).
        properties["partitioner"] = "murmur2_random"
        properties["enable.idempotence"] = "true"
        properties["acks"] = "all"
        properties["linger.ms"] = pace.lingerMilliseconds
        properties["message.timeout.ms"] = "30000"
        if profile == .cluster { properties["compression.type"] = "lz4" }
        return properties.merging(overrides) { _, override in override }
    }

    /// Group consumer whose offsets are stored by the application only after a message's effects
    /// are durable; librdkafka then commits stored offsets in the background.
    public func consumerProperties(groupId: String, offsetReset: OffsetReset = .earliest,
                                   pace: FetchPace = .prompt) -> [String: String] {
        var properties = common
        properties["group.id"] = groupId
        properties["enable.auto.commit"] = "true"
        properties["auto.commit.interval.ms"] = "1000"
        properties["enable.auto.offset.store"] = "false"
        properties["auto.offset.reset"] = offsetReset.rawValue
        properties["partition.assignment.strategy"] = "cooperative-sticky"
        properties["enable.partition.eof"] = "false"
        switch profile {
        case .mock:
            properties["fetch.wait.max.ms"] = pace == .prompt ? "5" : "50"
            properties["session.timeout.ms"] = "6000"
            properties["heartbeat.interval.ms"] = "500"
        case .cluster:
            properties["fetch.wait.max.ms"] = pace == .prompt ? "50" : "500"
            properties["session.timeout.ms"] = "45000"
            properties["heartbeat.interval.ms"] = "3000"
        }
        return properties.merging(overrides) { _, override in override }
    }

    /// How long a producer holds a record for more to send in the same request (`linger.ms`).
    /// Every produce a request waits on pays it: a placed order passes three produces of the order
    /// service (commands, events, reply) and one of the gateway before its answer.
    public enum ProducerPace: Sendable {
        /// The gateway and the order service, whose produces a buyer's request waits on: 1 ms.
        case prompt
        /// Everyone else: 5 ms, for fuller batches (fewer broker requests and wake-ups per record).
        case batched

        var lingerMilliseconds: String {
            switch self {
            case .prompt: "1"
            case .batched: "5"
            }
        }
    }

    /// How long a caught-up consumer's fetch may wait for new records at the broker.
    ///
    /// The mock cluster holds an empty fetch for the full wait, and a fetch that finds new records
    /// walks the partition's batches from the oldest to the one it returns, one batch per
    /// partition and fetch (`rd_kafka_mock_msgset_find` keeps no index): with 5 ms waits, the
    /// followers of the event topics made the mock's thread the largest single CPU cost of a
    /// loaded platform. Real Kafka answers as soon as a record
    /// arrives, so there the wait only bounds how often an idle consumer asks.
    public enum FetchPace: Sendable {
        /// A step of a request or the saga waits on this consumer: fetch every 5 ms on the mock.
        case prompt
        /// A read model that may trail by tens of milliseconds (dashboards, notifications, copies
        /// of other services' events): 50 ms on the mock, 500 ms on a real cluster.
        case relaxed
    }

    /// What a consumer does when its group has no committed offset (or it is out of range).
    public enum OffsetReset: String, Sendable {
        case earliest, latest
        /// Fail loudly instead of skipping: tests use it so silent data loss shows up.
        case error
    }
}

extension KafkaSettings {
    /// Parses `key=value,key=value` (the form of `TRADEFLOW_KAFKA_PROPERTIES`).
    public static func parseOverrides(_ text: String) -> [String: String]? {
        var result: [String: String] = [:]
        for pair in text.split(separator: ",") where !pair.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else { return nil }
            result[parts[0]] = parts[1]
        }
        return result
    }
}
