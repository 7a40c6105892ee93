/// A buyer's customer tier, used for tiered pricing (普通 / 银牌 / 金牌).
///
/// Same raw values as the catalog's `CustomerTier`; kept separate only to avoid a clash while both
/// are written, and meant to be unified into one type.
public enum BuyerTier: String, Codable, Sendable, Hashable, CaseIterable {
    case standard = "standard"
    case silver = "silver"
    case gold = "gold"
}
