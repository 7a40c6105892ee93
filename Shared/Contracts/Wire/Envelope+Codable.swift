/// The envelope's JSON. The header fields are read by `EnvelopeHeader`, the payload by the family,
/// which is told the type and version so it can pick the right case without guessing.
extension Envelope: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, type, version, occurredAt, causationId, correlationId, tenant, key, payload
    }

    public init(from decoder: any Decoder) throws {
        let header = try EnvelopeHeader(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // Checked explicitly: `superDecoder(forKey:)` would hand the family a null decoder and the
        // error would blame the first payload field instead of the missing payload.
        guard container.contains(.payload) else {
            throw DecodingError.keyNotFound(CodingKeys.payload, DecodingError.Context(
                codingPath: container.codingPath, debugDescription: "envelope has no payload"))
        }
        let payload = try Payload(messageType: header.type, version: header.version,
                                  payloadFrom: container.superDecoder(forKey: .payload))
        self.init(id: header.id, occurredAt: header.occurredAt, causationId: header.causationId,
                  correlationId: header.correlationId, tenant: header.tenant, key: header.key, payload: payload)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(type, forKey: .type)
        try container.encode(version, forKey: .version)
        try container.encode(occurredAt, forKey: .occurredAt)
        // Written as an explicit null so that every envelope shows every header field.
        if let causationId {
            try container.encode(causationId, forKey: .causationId)
        } else {
            try container.encodeNil(forKey: .causationId)
        }
        try container.encode(correlationId, forKey: .correlationId)
        try container.encode(tenant, forKey: .tenant)
        try container.encode(key, forKey: .key)
        try payload.encodePayload(to: container.superEncoder(forKey: .payload))
    }
}
