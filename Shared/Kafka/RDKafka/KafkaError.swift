import CRdKafka

/// An error reported by librdkafka, with librdkafka's own description.
public struct KafkaError: Error, CustomStringConvertible, Sendable, Equatable {
    public let code: Int32
    public let message: String

    public init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    init(_ error: rd_kafka_resp_err_t, context: String? = nil) {
        let text = String(cString: rd_kafka_err2str(error))
        self.init(code: error.rawValue, message: context.map { "\($0): \(text)" } ?? text)
    }

    /// An error raised by Tradeflow's own use of the client (bad configuration, closed client).
    static func client(_ message: String) -> KafkaError { KafkaError(code: -1, message: message) }

    /// librdkafka's local queue was full (`queue.buffering.max.*`): the broker is not keeping up.
    public var isQueueFull: Bool { code == RD_KAFKA_RESP_ERR__QUEUE_FULL.rawValue }

    public var description: String { "Kafka error \(code): \(message)" }
}
