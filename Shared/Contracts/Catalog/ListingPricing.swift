/// How a distributor prices a SKU it resells: a markup on the supplier's price, or a fixed price.
/// Either way the result never goes below the supplier's current `minimumResalePrice`.
///
/// Wire: `{"kind":"markup","basisPoints":1500}` or `{"kind":"fixed-price","price":{...}}`.
public enum ListingPricing: Codable, Sendable, Hashable {
    /// The supplier's price for the buyer plus `basisPoints` / 10,000 of it (1,500 = +15 %);
    /// 0...50,000.
    case markup(basisPoints: Int64)
    /// This price per unit, whatever the supplier charges.
    case fixedPrice(Money)

    public static let maximumMarkupBasisPoints: Int64 = 50_000

    private enum CodingKeys: String, CodingKey {
        case kind = "kind", basisPoints = "basisPoints", price = "price"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "markup": self = .markup(basisPoints: try container.decode(Int64.self, forKey: .basisPoints))
        case "fixed-price": self = .fixedPrice(try container.decode(Money.self, forKey: .price))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                                                   debugDescription: "unknown listing pricing kind \"\(kind)\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .markup(basisPoints):
            try container.encode("markup", forKey: .kind)
            try container.encode(basisPoints, forKey: .basisPoints)
        case let .fixedPrice(price):
            try container.encode("fixed-price", forKey: .kind)
            try container.encode(price, forKey: .price)
        }
    }
}
