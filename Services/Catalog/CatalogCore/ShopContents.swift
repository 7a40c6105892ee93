import Contracts
import Foundation

/// What a shop offers now: its own listings, and the SKUs its followed categories bring in,
/// resolved against the catalog when read. A supplier's new product under a followed category is
/// in every following shop as soon as it is listed, without a write to any shop: the shop's record
/// belongs to the distributor's partition and the product's to the supplier's (one writer per key).
public enum ShopContents {
    /// The listing `sku` is sold under in `shop`: its own, or else the one the most specific
    /// followed category covering its product gives it while that product is listed at `now`
    /// (nil when neither, or when the distributor took the SKU out).
    public static func listing(of sku: SKU, in shop: Shop, product: Product?, now: Date) -> ShopListing? {
        if let own = shop.listing(sku) { return own }
        guard let product, product.sku(sku) != nil, !shop.excludes(sku),
              let follow = follow(covering: product, in: shop, now: now) else { return nil }
        return listing(of: sku, product: product, under: follow)
    }

    /// Every listing of `shop`, sorted by SKU: its own ones, then for each product of `products`
    /// listed at `now` under a followed category, its SKUs not listed already or taken out.
    public static func listings(of shop: Shop, products: some Sequence<Product>, now: Date) -> [ShopListing] {
        guard !shop.followedCategories.isEmpty else { return shop.listings }
        let suppliers = Set(shop.followedCategories.map(\.supplier))
        var all = shop.listings
        var held = Set(shop.listings.map(\.sku)).union(shop.excludedSKUs)
        for product in products where suppliers.contains(product.supplier) {
            guard let follow = follow(covering: product, in: shop, now: now) else { continue }
            for entry in product.skus where held.insert(entry.sku).inserted {
                all.append(listing(of: entry.sku, product: product, under: follow))
            }
        }
        return all.sorted { $0.sku < $1.sku }
    }

    /// The follow covering `product` with the longest path (a shop may follow "Tea" at one markup
    /// and "Tea>Green tea" at another); nil when none covers it or the product is not listed at `now`.
    static func follow(covering product: Product, in shop: Shop, now: Date) -> CategoryFollow? {
        guard product.status(at: now) == .listed else { return nil }
        return shop.followedCategories
            .filter { $0.covers(supplier: product.supplier, categoryPath: product.categoryPath) }
            .max { $0.category.count < $1.category.count }
    }

    private static func listing(of sku: SKU, product: Product, under follow: CategoryFollow) -> ShopListing {
        ShopListing(sku: sku, product: product.id, supplier: product.supplier, pricing: follow.pricing,
                    listedAt: follow.since)
    }
}

extension Shop {
    /// Whether the distributor took `sku` out although a followed category covers it.
    func excludes(_ sku: SKU) -> Bool {
        excludedSKUs.contains(sku)
    }
}
