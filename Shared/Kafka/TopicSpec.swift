/// What a topic must look like: provisioned identically on the mock cluster and on real Kafka.
public struct TopicSpec: Sendable, Hashable {
    public let name: String
    public let partitions: Int
    /// Compacted topics keep the latest record per key forever (catalog, identity, snapshots).
    public let compacted: Bool

    public init(name: String, partitions: Int, compacted: Bool) {
        self.name = name
        self.partitions = partitions
        self.compacted = compacted
    }
}
