/// A buyer company's membership level with a supplier (普通 / 银牌 / 金牌), which may carry its own
/// price. Identity or the supplier's CRM assigns it; pricing only reads it.
public enum CustomerTier: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
    case standard = "standard"
    case silver = "silver"
    case gold = "gold"
}
