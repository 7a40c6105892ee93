/// Which kind of rule produced a price. `base` is the SKU's own base price (no price-list rule).
/// The raw values are the wire names, both in `PriceRule.kind` and in quotes.
public enum PriceRuleKind: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
    case base = "base"
    case volumeTier = "volume-tier"
    case customerTier = "customer-tier"
    case contract = "contract"
    case regional = "regional"
    case promotion = "promotion"
}
