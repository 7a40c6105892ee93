/// The settings every `<topic>.dlq` companion shares.
public enum DeadLetterTopic {
    public static let suffix = ".dlq"
    /// Long enough to notice, fix and re-drive; dead letters are not a system of record.
    public static let retention = Retention.days(30)

    /// One partition per eight of the source, between 1 and 3: a DLQ should stay nearly empty,
    /// and ordering across its partitions does not matter for inspection.
    public static func partitions(forSource sourcePartitions: Int) -> Int {
        min(3, max(1, sourcePartitions / 8))
    }
}
