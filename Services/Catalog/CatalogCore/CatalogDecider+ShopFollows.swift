import Contracts
import Foundation

/// The parts of listing and unlisting that deal with followed categories: a shop's record holds
/// the follows and the SKUs taken out of them, and `ShopContents` resolves them when read.
extension CatalogDecider {
    /// `follows` with `category` of `supplier` followed at `pricing`: a new follow starts `now`;
    /// one already there keeps its start and takes the new pricing.
    func following(_ category: [String], of supplier: CompanyID, at pricing: ListingPricing,
                   in follows: [CategoryFollow], now: Date) throws(Refusal) -> [CategoryFollow] {
        let same = follows.first { $0.supplier == supplier && $0.category == category }
        var next = follows.filter { $0 != same }
        next.append(CategoryFollow(supplier: supplier, category: category, pricing: pricing, since: same?.since ?? now))
        if next.count > limits.maximumFollowedCategoriesPerShop {
            throw Refusal(.limitExceeded, field: "category",
                          "a shop may follow at most \(limits.maximumFollowedCategoriesPerShop) categories; this would make \(next.count)")
        }
        return next.sorted { ($0.supplier, $0.category.joined(separator: ">")) < ($1.supplier, $1.category.joined(separator: ">")) }
    }

    /// The shop without `skus` (each must be offered now: listed, or brought in by a followed
    /// category). Those a follow covers are remembered as taken out.
    func removing(_ skus: [SKU], from existing: Shop?, distributor: ShopID, current: CatalogRecords,
                  now: Date) throws(Refusal) -> Shop {
        var coveredByFollow: [SKU] = []
        for (index, sku) in skus.enumerated() {
            let product = current.product(owning: sku)?.product
            guard let existing, ShopContents.listing(of: sku, in: existing, product: product, now: now) != nil else {
                throw Refusal(.unknownSKU, field: "skus[\(index)]",
                              "skus[\(index)] \(sku) is not listed in the shop of \(distributor)")
            }
            if let product, existing.followedCategories.contains(where: { $0.covers(supplier: product.supplier, categoryPath: product.categoryPath) }) {
                coveredByFollow.append(sku)
            }
        }
        guard let existing else { throw .invalid("distributor", "distributor \(distributor) has no shop") }
        let excluded = Array(Set(existing.excludedSKUs).union(coveredByFollow)).sorted()
        if excluded.count > limits.maximumListingsPerShop {
            throw Refusal(.limitExceeded, field: "skus",
                          "a shop may take at most \(limits.maximumListingsPerShop) SKUs out of the categories it follows; this would make \(excluded.count)")
        }
        let remove = Set(skus)
        return existing.replacing(listings: existing.listings.filter { !remove.contains($0.sku) },
                                  followedCategories: existing.followedCategories, excludedSKUs: excluded)
    }

    /// The shop no longer following `category` of `supplier`, and without any SKU of that
    /// supplier listed under it. SKUs taken out are forgotten once no follow covers them.
    func unfollowing(_ category: [String], of supplier: CompanyID, in existing: Shop?, distributor: ShopID,
                     current: CatalogRecords) throws(Refusal) -> Shop {
        guard let existing else { throw .invalid("distributor", "distributor \(distributor) has no shop") }
        let follows = existing.followedCategories.filter { !($0.supplier == supplier && $0.category == category) }
        let isUnder = { (listing: ShopListing) -> Bool in
            guard let product = current.products[listing.product] else { return false }
            return listing.supplier == supplier && product.categoryPath.starts(with: category)
        }
        let listings = existing.listings.filter { !isUnder($0) }
        if follows.count == existing.followedCategories.count && listings.count == existing.listings.count {
            throw Refusal(.unknownSKU, field: "category",
                          "the shop of \(distributor) neither follows nor lists anything of \(supplier) under \(category.joined(separator: CatalogCSV.categorySeparator))")
        }
        let excluded = existing.excludedSKUs.filter { sku in
            guard let product = current.product(owning: sku)?.product else { return false }
            return follows.contains { $0.covers(supplier: product.supplier, categoryPath: product.categoryPath) }
        }
        return existing.replacing(listings: listings, followedCategories: follows, excludedSKUs: excluded)
    }
}

extension Shop {
    func replacing(listings: [ShopListing], followedCategories: [CategoryFollow], excludedSKUs: [SKU]) -> Shop {
        Shop(distributor: distributor, name: name, listings: listings, followedCategories: followedCategories,
             excludedSKUs: excludedSKUs, revision: revision, updatedAt: updatedAt, recentCommandIds: recentCommandIds)
    }

    func with(revision: Int, updatedAt: Date, recentCommandIds: [MessageID]) -> Shop {
        Shop(distributor: distributor, name: name, listings: listings, followedCategories: followedCategories,
             excludedSKUs: excludedSKUs, revision: revision, updatedAt: updatedAt, recentCommandIds: recentCommandIds)
    }
}
