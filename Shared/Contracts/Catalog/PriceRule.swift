import Foundation

/// One rule of a price list: a price for one SKU under one condition, optionally only within a
/// validity window `validFrom ..< validUntil` (start inclusive, end exclusive).
///
/// Wire: the terms are flattened next to `sku` with a `kind` discriminator, e.g.
/// `{"kind":"contract","buyer":"ACME","sku":"TEA-1","unitPrice":{...},"validFrom":"..."}`.
/// A reader that meets an unknown `kind` fails to decode (and dead-letters) rather than ignoring a
/// rule that might be binding; a new kind therefore needs a new message version.
public struct PriceRule: Codable, Sendable, Hashable {
    /// What the rule prices and under which condition.
    public enum Terms: Sendable, Hashable {
        /// 阶梯价: the tier with the highest `minimumQuantity` not above the ordered quantity applies.
        case volumeTiers([VolumeTier])
        /// A price for buyers of this membership tier.
        case customerTier(CustomerTier, unitPrice: Money)
        /// 合同价: a negotiated price for one buyer company. Binding while valid.
        case contract(buyer: CompanyID, unitPrice: Money)
        /// A price for buyers in one region (a region code such as "CN-EAST" or "华东").
        case regional(region: String, unitPrice: Money)
        /// A time-limited promotional price; requires both `validFrom` and `validUntil`.
        case promotion(name: String, unitPrice: Money)
    }

    public let sku: SKU
    public let terms: Terms
    public let validFrom: Date?
    /// Exclusive: the rule no longer applies at this instant.
    public let validUntil: Date?

    public init(sku: SKU, terms: Terms, validFrom: Date? = nil, validUntil: Date? = nil) {
        self.sku = sku
        self.terms = terms
        self.validFrom = validFrom.map(WireTimestamp.roundedToMilliseconds)
        self.validUntil = validUntil.map(WireTimestamp.roundedToMilliseconds)
    }

    public var kind: PriceRuleKind {
        switch terms {
        case .volumeTiers: .volumeTier
        case .customerTier: .customerTier
        case .contract: .contract
        case .regional: .regional
        case .promotion: .promotion
        }
    }

    /// True when `now` is inside the validity window (`validFrom <= now < validUntil`).
    public func isValid(at now: Date) -> Bool {
        if let validFrom, now < validFrom { return false }
        if let validUntil, now >= validUntil { return false }
        return true
    }

    /// Every price the rule names, for currency and range checks.
    public var prices: [Money] {
        switch terms {
        case let .volumeTiers(tiers): tiers.map(\.unitPrice)
        case let .customerTier(_, price), let .contract(_, price), let .regional(_, price), let .promotion(_, price):
            [price]
        }
    }

    private enum CodingKeys: String, CodingKey {
        case sku = "sku", kind = "kind", tiers = "tiers", tier = "tier", buyer = "buyer", region = "region"
        case name = "name", unitPrice = "unitPrice", validFrom = "validFrom", validUntil = "validUntil"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        let terms: Terms
        switch kind {
        case PriceRuleKind.volumeTier.rawValue:
            terms = .volumeTiers(try container.decode([VolumeTier].self, forKey: .tiers))
        case PriceRuleKind.customerTier.rawValue:
            terms = .customerTier(try container.decode(CustomerTier.self, forKey: .tier),
                                  unitPrice: try container.decode(Money.self, forKey: .unitPrice))
        case PriceRuleKind.contract.rawValue:
            terms = .contract(buyer: try container.decode(CompanyID.self, forKey: .buyer),
                              unitPrice: try container.decode(Money.self, forKey: .unitPrice))
        case PriceRuleKind.regional.rawValue:
            terms = .regional(region: try container.decode(String.self, forKey: .region),
                              unitPrice: try container.decode(Money.self, forKey: .unitPrice))
        case PriceRuleKind.promotion.rawValue:
            terms = .promotion(name: try container.decode(String.self, forKey: .name),
                               unitPrice: try container.decode(Money.self, forKey: .unitPrice))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                                                   debugDescription: "unknown price rule kind \"\(kind)\"")
        }
        self.init(sku: try container.decode(SKU.self, forKey: .sku), terms: terms,
                  validFrom: try container.decodeIfPresent(Date.self, forKey: .validFrom),
                  validUntil: try container.decodeIfPresent(Date.self, forKey: .validUntil))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sku, forKey: .sku)
        try container.encode(kind.rawValue, forKey: .kind)
        switch terms {
        case let .volumeTiers(tiers):
            try container.encode(tiers, forKey: .tiers)
        case let .customerTier(tier, price):
            try container.encode(tier, forKey: .tier)
            try container.encode(price, forKey: .unitPrice)
        case let .contract(buyer, price):
            try container.encode(buyer, forKey: .buyer)
            try container.encode(price, forKey: .unitPrice)
        case let .regional(region, price):
            try container.encode(region, forKey: .region)
            try container.encode(price, forKey: .unitPrice)
        case let .promotion(name, price):
            try container.encode(name, forKey: .name)
            try container.encode(price, forKey: .unitPrice)
        }
        try container.encodeIfPresent(validFrom, forKey: .validFrom)
        try container.encodeIfPresent(validUntil, forKey: .validUntil)
    }
}
