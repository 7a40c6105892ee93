/// A topic without its message type: what provisioning, documentation and tooling need.
public struct AnyTopic: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let keyedBy: PartitionKey
    public let partitions: Int
    public let cleanup: CleanupPolicy
    public let retention: Retention
    /// What the topic carries and who writes it.
    public let summary: String
    /// True for a `<topic>.dlq` companion.
    public let isDeadLetter: Bool

    public init(name: String, keyedBy: PartitionKey, partitions: Int, cleanup: CleanupPolicy,
                retention: Retention, summary: String, isDeadLetter: Bool = false) {
        self.name = name
        self.keyedBy = keyedBy
        self.partitions = partitions
        self.cleanup = cleanup
        self.retention = retention
        self.summary = summary
        self.isDeadLetter = isDeadLetter
    }

    /// Topic-level settings for `CreateTopics` (or the mock cluster).
    public var configs: [String: String] {
        ["cleanup.policy": cleanup.rawValue, "retention.ms": String(retention.milliseconds)]
    }

    /// `<name>.dlq`: where consumers of this topic put what they cannot decode or handle.
    /// Same key as the source (a re-drive keeps per-key grouping); see `DeadLetterTopic` for the rest.
    public var dlq: AnyTopic {
        AnyTopic(name: name + DeadLetterTopic.suffix, keyedBy: keyedBy,
                 partitions: DeadLetterTopic.partitions(forSource: partitions),
                 cleanup: .delete, retention: DeadLetterTopic.retention,
                 summary: "Dead letters of \(name): original key and bytes, the reason in tradeflow.dlq.* headers (see Kafka.DeadLetter).",
                 isDeadLetter: true)
    }

    public var description: String {
        "\(name) (\(partitions) partitions, \(cleanup.rawValue), retention \(retention), key: \(keyedBy.rawValue))"
    }
}
