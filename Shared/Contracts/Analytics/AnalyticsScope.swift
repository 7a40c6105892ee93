/// Whose numbers a snapshot holds: one company's (what it sold as supplier or distributor, what it
/// bought as buyer) or the platform operator's (everything).
///
/// Wire: `{"kind":"platform"}` or `{"kind":"company","company":"SUP-1"}`.
public enum AnalyticsScope: Codable, Sendable, Hashable, Comparable {
    case platform
    case company(CompanyID)

    /// The record key on `analytics.snapshots.v1`. Identity must never hand out the company id
    /// "platform", which would collide with the operator's key.
    public static let platformKey = "platform"

    public var key: String {
        switch self {
        case .platform: Self.platformKey
        case let .company(company): company.rawValue
        }
    }

    public static func < (lhs: AnalyticsScope, rhs: AnalyticsScope) -> Bool {
        switch (lhs, rhs) {
        case (.platform, .company): true
        case let (.company(left), .company(right)): left < right
        case (.platform, .platform), (.company, .platform): false
        }
    }

    private enum CodingKeys: String, CodingKey {
        case kind = "kind", company = "company"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "platform":
            self = .platform
        case "company":
            self = .company(try container.decode(CompanyID.self, forKey: .company))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                                                   debugDescription: "unknown analytics scope \"\(kind)\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .platform:
            try container.encode("platform", forKey: .kind)
        case let .company(company):
            try container.encode("company", forKey: .kind)
            try container.encode(company, forKey: .company)
        }
    }
}
