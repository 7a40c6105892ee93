/// On the wire an identifier is a bare JSON string: `"SKU-1"`, not `{"rawValue": "SKU-1"}`.
/// Decoding validates, so an invalid id fails with the field's path (see `WireFormatError`).
extension Identifier: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let problem = Self.problem(with: raw) else {
            self.rawValue = raw
            return
        }
        throw DecodingError.dataCorruptedError(
            in: container, debugDescription: "invalid \(Tag.kindName): \(problem)")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Lets a `[SKU: ...]` dictionary encode as a JSON object keyed by the id (used by state snapshots)
/// rather than as the flat key/value array Codable uses for non-String keys.
extension Identifier: CodingKeyRepresentable {
    public var codingKey: any CodingKey { IdentifierCodingKey(stringValue: rawValue) }

    public init?<Key: CodingKey>(codingKey: Key) {
        self.init(validating: codingKey.stringValue)
    }
}

private struct IdentifierCodingKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}
