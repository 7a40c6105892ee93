/// Where the answer to a command or query goes: a partition of `gateway.replies.v1` owned by the
/// asking gateway instance, and the request id it waits on. Services answer with
/// `ServiceContext.reply(to:...)`; the request id also travels as a Kafka header so the gateway
/// routes a reply without decoding its payload.
public struct ReplyAddress: Codable, Sendable, Hashable {
    public let instance: String
    public let partition: Int32
    public let requestId: String

    public init(instance: String, partition: Int32, requestId: String) {
        self.instance = instance
        self.partition = partition
        self.requestId = requestId
    }

    /// The Kafka header carrying `requestId` on every reply.
    public static let requestIdHeader = "tradeflow.reply.request-id"
}
