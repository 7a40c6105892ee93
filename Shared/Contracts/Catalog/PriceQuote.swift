/// Which rule produced a price, for people ("volume tier ≥ 100 units") and programs (`kind`).
public struct AppliedRule: Codable, Sendable, Hashable {
    public let kind: PriceRuleKind
    /// The price list holding the rule; nil for the base price.
    public let priceListId: PriceListID?
    public let description: String

    public init(kind: PriceRuleKind, priceListId: PriceListID?, description: String) {
        self.kind = kind
        self.priceListId = priceListId
        self.description = description
    }

    private enum CodingKeys: String, CodingKey {
        case kind = "kind", priceListId = "priceListId", description = "description"
    }
}

/// A price that applied to a quote, whether or not it won.
public struct PriceCandidate: Codable, Sendable, Hashable {
    public let rule: AppliedRule
    public let unitPrice: Money

    public init(rule: AppliedRule, unitPrice: Money) {
        self.rule = rule
        self.unitPrice = unitPrice
    }

    private enum CodingKeys: String, CodingKey {
        case rule = "rule", unitPrice = "unitPrice"
    }
}

/// The price of `quantity` units of one SKU for one buyer at one instant, and why. An order line
/// can carry it as is, so the buyer can later see which rule priced it.
public struct PriceQuote: Codable, Sendable, Hashable {
    public let sku: SKU
    public let quantity: Int64
    public let unitPrice: Money
    /// unitPrice × quantity.
    public let total: Money
    /// The rule that produced `unitPrice`.
    public let rule: AppliedRule
    /// Every price that applied, the winner first, then in the order they would have been chosen.
    public let candidates: [PriceCandidate]

    public init(sku: SKU, quantity: Int64, unitPrice: Money, total: Money, rule: AppliedRule,
                candidates: [PriceCandidate]) {
        self.sku = sku
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.total = total
        self.rule = rule
        self.candidates = candidates
    }

    private enum CodingKeys: String, CodingKey {
        case sku = "sku", quantity = "quantity", unitPrice = "unitPrice", total = "total", rule = "rule"
        case candidates = "candidates"
    }
}

/// What pricing needs to know about a buyer company: who it is, its membership tier and its region.
public struct BuyerProfile: Codable, Sendable, Hashable {
    public let company: CompanyID
    public let tier: CustomerTier
    /// A region code matched exactly against regional rules, e.g. "CN-EAST"; nil when unknown.
    public let region: String?

    public init(company: CompanyID, tier: CustomerTier = .standard, region: String? = nil) {
        self.company = company
        self.tier = tier
        self.region = region
    }

    private enum CodingKeys: String, CodingKey {
        case company = "company", tier = "tier", region = "region"
    }
}
