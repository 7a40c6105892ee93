/// A message that can never be handled (undecodable, invalid): it goes to the dead-letter topic at
/// once, without retries. Any other error thrown by a handler is retried first.
public struct PoisonMessage: Error, CustomStringConvertible, Sendable {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// The dead-letter convention: `<topic>.dlq` holds the original key and bytes unchanged (so a
/// record can be re-driven after a fix) plus headers saying where it came from and why it failed.
public enum DeadLetter {
    public static func topic(for source: String) -> String { "\(source).dlq" }

    public enum Header {
        public static let reason = "tradeflow.dlq.reason"
        public static let sourceTopic = "tradeflow.dlq.topic"
        public static let sourcePartition = "tradeflow.dlq.partition"
        public static let sourceOffset = "tradeflow.dlq.offset"
        public static let consumerGroup = "tradeflow.dlq.group"
        public static let attempts = "tradeflow.dlq.attempts"
    }

    static func headers(for message: KafkaMessage, reason: String, group: String, attempts: Int) -> [KafkaHeader] {
        let own: Set<String> = [Header.reason, Header.sourceTopic, Header.sourcePartition, Header.sourceOffset,
                                Header.consumerGroup, Header.attempts]
        return message.headers.filter { !own.contains($0.name) } + [
            KafkaHeader(name: Header.reason, text: String(reason.prefix(2000))),
            KafkaHeader(name: Header.sourceTopic, text: message.topic),
            KafkaHeader(name: Header.sourcePartition, text: "\(message.partition)"),
            KafkaHeader(name: Header.sourceOffset, text: "\(message.offset)"),
            KafkaHeader(name: Header.consumerGroup, text: group),
            KafkaHeader(name: Header.attempts, text: "\(attempts)"),
        ]
    }
}
