/// Where a product is in its life: `draft` (being prepared, invisible to buyers), `listed` (上架:
/// buyers can see and order it) or `delisted` (下架: withdrawn; distributor listings of it show as
/// unavailable).
public enum ProductStatus: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
    case draft = "draft"
    case listed = "listed"
    case delisted = "delisted"
}
