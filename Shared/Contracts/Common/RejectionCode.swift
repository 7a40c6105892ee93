/// A machine-readable reason a command was rejected, e.g. "insufficient-stock". Shown to programs
/// (gateway error mapping, ERP integrations); people read the accompanying `reason` text.
///
/// A string-backed struct rather than an enum so that a consumer built before a new code existed
/// still decodes the rejection (and can show its reason) instead of dead-lettering it.
public struct RejectionCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// A field is missing, empty, too long or out of range; `field` names it.
    public static let invalidField = RejectionCode(rawValue: "invalid-field")
}
