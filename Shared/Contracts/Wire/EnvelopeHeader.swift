import Foundation

/// An envelope without its payload. Decodable from any envelope whatever its family, so a consumer
/// can log, route or dead-letter a message whose payload it cannot (or need not) decode.
public struct EnvelopeHeader: Sendable, Equatable, Decodable {
    public let id: MessageID
    public let type: String
    public let version: Int
    public let occurredAt: Date
    public let causationId: MessageID?
    public let correlationId: CorrelationID
    public let tenant: String
    public let key: String

    public init(id: MessageID, type: String, version: Int, occurredAt: Date, causationId: MessageID?,
                correlationId: CorrelationID, tenant: String, key: String) {
        self.id = id
        self.type = type
        self.version = version
        self.occurredAt = WireTimestamp.roundedToMilliseconds(occurredAt)
        self.causationId = causationId
        self.correlationId = correlationId
        self.tenant = tenant
        self.key = key
    }

    enum CodingKeys: String, CodingKey {
        case id, type, version, occurredAt, causationId, correlationId, tenant, key
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(MessageID.self, forKey: .id),
            type: try container.decode(String.self, forKey: .type),
            version: try container.decode(Int.self, forKey: .version),
            occurredAt: try container.decode(Date.self, forKey: .occurredAt),
            // Absent and null both mean "root message".
            causationId: try container.decodeIfPresent(MessageID.self, forKey: .causationId),
            correlationId: try container.decode(CorrelationID.self, forKey: .correlationId),
            tenant: try container.decode(String.self, forKey: .tenant),
            key: try container.decode(String.self, forKey: .key))
    }
}
