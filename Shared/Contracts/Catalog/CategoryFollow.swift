import Foundation

/// A category a shop follows: listing a whole category (一键铺货) keeps the shop in step with it.
/// Every SKU `supplier` lists under `category` (a path prefix) is in the shop at `pricing`,
/// including products the supplier adds, moves there or lists later, resolved when the shop is
/// read (see `ShopContents` in CatalogCore), so nobody has to list the category again.
public struct CategoryFollow: Codable, Sendable, Hashable {
    public let supplier: CompanyID
    public let category: [String]
    public let pricing: ListingPricing
    /// When the shop began to follow the category: the listing date of the SKUs it brings in.
    public let since: Date

    public init(supplier: CompanyID, category: [String], pricing: ListingPricing, since: Date) {
        self.supplier = supplier
        self.category = category
        self.pricing = pricing
        self.since = WireTimestamp.roundedToMilliseconds(since)
    }

    /// Whether a product of `supplier` filed under `categoryPath` falls under this follow.
    public func covers(supplier: CompanyID, categoryPath: [String]) -> Bool {
        supplier == self.supplier && categoryPath.starts(with: category)
    }

    private enum CodingKeys: String, CodingKey {
        case supplier = "supplier", category = "category", pricing = "pricing", since = "since"
    }
}
