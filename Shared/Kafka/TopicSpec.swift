/// What a topic must look like: provisioned identically on the mock cluster and on real Kafka.
public struct TopicSpec: Sendable, Hashable {
    public let name: String
    public let partitions: Int
    /// Topic-level settings such as `cleanup.policy` and `retention.ms` (applied by CreateTopics;
    /// the mock cluster ignores them).
    public let configs: [String: String]

    public init(name: String, partitions: Int, configs: [String: String] = [:]) {
        self.name = name
        self.partitions = partitions
        self.configs = configs
    }
}
