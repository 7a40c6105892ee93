/// A Kafka topic and the message family it carries: the only way code names a topic, so producing
/// the wrong family to a topic does not compile.
///
/// Names follow `<domain>.<kind>.v<N>`. The version is part of the name because renaming or
/// retyping a field is a new topic (`.v2`), consumed side by side with the old one until it drains.
public struct Topic<Message: MessageFamily>: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let keyedBy: PartitionKey
    public let partitions: Int
    public let cleanup: CleanupPolicy
    public let retention: Retention
    public let summary: String

    public init(name: String, keyedBy: PartitionKey, partitions: Int, cleanup: CleanupPolicy = .delete,
                retention: Retention, summary: String) {
        self.name = name
        self.keyedBy = keyedBy
        self.partitions = partitions
        self.cleanup = cleanup
        self.retention = retention
        self.summary = summary
    }

    /// `<name>.dlq`: where consumers of this topic put what they cannot decode or handle.
    public var dlqName: String { name + DeadLetterTopic.suffix }

    /// The dead-letter companion (see `DeadLetterTopic` for its settings).
    public var dlq: AnyTopic { erased.dlq }

    public var erased: AnyTopic {
        AnyTopic(name: name, keyedBy: keyedBy, partitions: partitions, cleanup: cleanup,
                 retention: retention, summary: summary)
    }

    public var description: String { name }
}
