/// What `KafkaPartitionReader.readRetained` read of one partition.
public struct RetainedRange: Sendable, Equatable {
    /// The low watermark when reading began: the first offset retention kept. Greater than 0 when
    /// older records were already deleted (retention, or the mock cluster's size cap), so what was
    /// read is not the partition's whole history. Retention may move it further while reading; the
    /// first message's own offset then tells.
    public let logStart: Int64
    /// The high watermark when reading began; messages below it were read.
    public let end: Int64
    /// Messages handed to `each`.
    public let count: Int

    public init(logStart: Int64, end: Int64, count: Int) {
        self.logStart = logStart
        self.end = end
        self.count = count
    }
}
