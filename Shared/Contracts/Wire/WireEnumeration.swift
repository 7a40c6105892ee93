/// A closed set of wire strings (a status, a role, a tier). Decoding an unknown one fails naming
/// what was sent and every value allowed, which is what an API caller or a dead-letter reader needs
/// to fix it; Swift's own message ("Cannot initialize X from invalid String value y") names a type
/// they never see.
public protocol WireEnumeration: RawRepresentable, CaseIterable, Codable where RawValue == String {}

extension WireEnumeration {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text.prefix(64))\" is not one of \(Self.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = value
    }
}
