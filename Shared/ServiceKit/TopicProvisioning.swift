import Contracts
import Kafka

/// Creates every topic of the registry (`Topics.all`, dead-letter companions included), on the
/// mock cluster in development and through the Admin API on a real cluster.
public enum TopicProvisioning {
    public static var specs: [TopicSpec] {
        Topics.all.map { TopicSpec(name: $0.name, partitions: $0.partitions, configs: $0.configs) }
    }

    public static func provision(on cluster: MockCluster) throws {
        for spec in specs { try cluster.createTopic(spec) }
    }

    /// Returns the topics that were created (existing ones are left alone).
    public static func provision(using admin: KafkaAdmin, replicationFactor: Int) async throws -> [String] {
        try await admin.createTopics(specs, replicationFactor: replicationFactor)
    }
}
