/// Where a record was read: enough for an operator to find it again with any Kafka client.
public struct RecordPosition: Codable, Sendable, Hashable, CustomStringConvertible {
    public let topic: String
    public let partition: Int32
    public let offset: Int64

    public init(topic: String, partition: Int32, offset: Int64) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }

    public var description: String { "\(topic)[\(partition)]@\(offset)" }

    private enum CodingKeys: String, CodingKey {
        case topic = "topic", partition = "partition", offset = "offset"
    }
}
