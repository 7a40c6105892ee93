import Foundation

/// One supplier SKU a distributor resells in its shop (一键铺货). It points at the supplier's SKU and
/// keeps no copy of product data, so the supplier's changes (price floor, delisting, removal)
/// flow through to the listing when it is read (see `ShopPricing` in CatalogCore).
public struct ShopListing: Codable, Sendable, Hashable {
    public let sku: SKU
    public let product: ProductID
    public let supplier: CompanyID
    public let pricing: ListingPricing
    public let listedAt: Date

    public init(sku: SKU, product: ProductID, supplier: CompanyID, pricing: ListingPricing, listedAt: Date) {
        self.sku = sku
        self.product = product
        self.supplier = supplier
        self.pricing = pricing
        self.listedAt = WireTimestamp.roundedToMilliseconds(listedAt)
    }

    private enum CodingKeys: String, CodingKey {
        case sku = "sku", product = "product", supplier = "supplier", pricing = "pricing", listedAt = "listedAt"
    }
}
