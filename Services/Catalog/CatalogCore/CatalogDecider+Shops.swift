import Contracts
import Foundation

extension CatalogDecider {
    /// One-click listing (一键铺货). Rules: the distributor's own shop (or an operator); markup
    /// 0...50,000 bp; a fixed price > 0, in the SKU's currency and not below the supplier's
    /// `minimumResalePrice`; every SKU named exists, belongs to `supplier` and its product is listed
    /// at `now`; a category must hold at least one such SKU; at most 10,000 listings per shop.
    /// SKUs already in the shop keep their `listedAt` and take the new pricing. A category is also
    /// followed from then on (at most 100 per shop), so SKUs the supplier lists there later are in
    /// the shop at the same pricing; listing it again changes that pricing. Listing a SKU the
    /// distributor took out of a followed category brings it back.
    func listInShop(_ command: ListInShop, id: MessageID, current: CatalogRecords,
                    now: Date) throws(Refusal) -> CatalogDecision {
        let existing = current.shops[command.distributor]
        if let existing, existing.recentCommandIds.contains(id) { return alreadyHandled(existing) }
        try authorize(command.actor, toChange: "the shop", ownedBy: command.distributor, ownerField: "distributor")
        try checkPricing(command.pricing)
        if let name = command.shopName { try ProductValidation.checkName(name, field: "shopName") }

        let targets: [(product: Product, sku: ProductSKU)]
        var follows = existing?.followedCategories ?? []
        switch (command.skus, command.category) {
        case let (skus?, nil):
            targets = try namedTargets(skus, supplier: command.supplier, current: current, now: now)
        case let (nil, category?):
            targets = try categoryTargets(category, supplier: command.supplier, current: current, now: now)
            follows = try following(category, of: command.supplier, at: command.pricing, in: follows, now: now)
        default:
            throw .invalid("skus", "give either skus or category, not both or neither")
        }
        if case let .fixedPrice(price) = command.pricing {
            for target in targets { try checkFixedPrice(price, for: target.sku) }
        }

        var listings = Dictionary(uniqueKeysWithValues: (existing?.listings ?? []).map { ($0.sku, $0) })
        for target in targets {
            listings[target.sku.sku] = ShopListing(
                sku: target.sku.sku, product: target.product.id, supplier: target.product.supplier,
                pricing: command.pricing, listedAt: listings[target.sku.sku]?.listedAt ?? now)
        }
        if listings.count > limits.maximumListingsPerShop {
            throw Refusal(.limitExceeded, field: command.skus == nil ? "category" : "skus",
                          "a shop may hold at most \(limits.maximumListingsPerShop) listings; this would make \(listings.count)")
        }
        let listedAgain = Set(targets.map(\.sku.sku))
        let next = Shop(distributor: command.distributor,
                        name: command.shopName ?? existing?.name ?? command.distributor.rawValue,
                        listings: listings.values.sorted { $0.sku < $1.sku }, followedCategories: follows,
                        excludedSKUs: (existing?.excludedSKUs ?? []).filter { !listedAgain.contains($0) },
                        revision: (existing?.revision ?? 0) + 1, updatedAt: now,
                        recentCommandIds: remembering(id, in: existing?.recentCommandIds ?? []))
        return try publish(next, replacing: existing)
    }

    /// Takes SKUs out of the shop, or stops following a category. A SKU a followed category
    /// covers is remembered as taken out (at most 10,000), so the category does not bring it back.
    /// Dropping a category takes out every SKU of its supplier listed under it, however it came in.
    func unlistFromShop(_ command: UnlistFromShop, id: MessageID, current: CatalogRecords,
                        now: Date) throws(Refusal) -> CatalogDecision {
        let existing = current.shops[command.distributor]
        if let existing, existing.recentCommandIds.contains(id) { return alreadyHandled(existing) }
        try authorize(command.actor, toChange: "the shop", ownedBy: command.distributor, ownerField: "distributor")
        let next: Shop
        switch (command.skus.isEmpty, command.category) {
        case (false, nil):
            try checkSKUList(command.skus)
            next = try removing(command.skus, from: existing, distributor: command.distributor, current: current, now: now)
        case let (true, category?):
            guard let supplier = command.supplier else {
                throw .invalid("supplier", "name the supplier whose category the shop should stop following")
            }
            try ProductValidation.checkCategoryPath(category, field: "category", limits: limits)
            next = try unfollowing(category, of: supplier, in: existing, distributor: command.distributor, current: current)
        default:
            throw .invalid("skus", "give either skus (at least one) or supplier and category, not both")
        }
        return try publish(next.with(revision: (existing?.revision ?? 0) + 1, updatedAt: now,
                                     recentCommandIds: remembering(id, in: existing?.recentCommandIds ?? [])),
                           replacing: existing)
    }

    // MARK: helpers

    private func checkPricing(_ pricing: ListingPricing) throws(Refusal) {
        switch pricing {
        case let .markup(basisPoints):
            guard (0...ListingPricing.maximumMarkupBasisPoints).contains(basisPoints) else {
                throw .invalid("pricing.basisPoints",
                               "pricing.basisPoints must be 0...\(ListingPricing.maximumMarkupBasisPoints), got \(basisPoints)")
            }
        case let .fixedPrice(price):
            if !price.isPositive { throw .invalid("pricing.price", "pricing.price must be > 0, got \(price)") }
        }
    }

    private func checkFixedPrice(_ price: Money, for entry: ProductSKU) throws(Refusal) {
        if price.currency != entry.basePrice.currency {
            throw .invalid("pricing.price", "pricing.price is in \(price.currency) but SKU \(entry.sku) is priced in \(entry.basePrice.currency)")
        }
        if let floor = entry.minimumResalePrice, price.minorUnits < floor.minorUnits {
            throw Refusal(.belowMinimumResalePrice, field: "pricing.price",
                          "pricing.price \(price) is below the minimum resale price \(floor) of SKU \(entry.sku)")
        }
    }

    private func checkSKUList(_ skus: [SKU]) throws(Refusal) {
        guard (1...limits.maximumListingsPerShop).contains(skus.count) else {
            throw .invalid("skus", "skus must name 1...\(limits.maximumListingsPerShop) SKUs, got \(skus.count)")
        }
        var seen: [SKU: Int] = [:]
        for (index, sku) in skus.enumerated() {
            if let first = seen.updateValue(index, forKey: sku) {
                throw .invalid("skus[\(index)]", "skus[\(index)] \(sku) repeats skus[\(first)]")
            }
        }
    }

    private func namedTargets(_ skus: [SKU], supplier: CompanyID, current: CatalogRecords,
                              now: Date) throws(Refusal) -> [(product: Product, sku: ProductSKU)] {
        try checkSKUList(skus)
        var targets: [(product: Product, sku: ProductSKU)] = []
        for (index, sku) in skus.enumerated() {
            guard let (product, entry) = current.product(owning: sku) else {
                throw Refusal(.unknownSKU, field: "skus[\(index)]", "skus[\(index)] \(sku) is not in the catalog")
            }
            guard product.supplier == supplier else {
                throw Refusal(.unknownSKU, field: "skus[\(index)]",
                              "skus[\(index)] \(sku) is supplied by \(product.supplier), not \(supplier)")
            }
            let status = product.status(at: now)
            guard status == .listed else {
                throw Refusal(.skuNotListed, field: "skus[\(index)]",
                              "skus[\(index)] \(sku) cannot be listed: product \(product.id) is \(status.rawValue)")
            }
            targets.append((product, entry))
        }
        return targets
    }

    private func categoryTargets(_ category: [String], supplier: CompanyID, current: CatalogRecords,
                                 now: Date) throws(Refusal) -> [(product: Product, sku: ProductSKU)] {
        try ProductValidation.checkCategoryPath(category, field: "category", limits: limits)
        let products = current.products.values
            .filter { $0.supplier == supplier && $0.categoryPath.starts(with: category) && $0.status(at: now) == .listed }
            .sorted { $0.id < $1.id }
        let targets = products.flatMap { product in product.skus.map { (product: product, sku: $0) } }
        if targets.isEmpty {
            throw Refusal(.skuNotListed, field: "category",
                          "supplier \(supplier) has no listed SKUs under \(category.joined(separator: CatalogCSV.categorySeparator))")
        }
        return targets
    }

    private func publish(_ next: Shop, replacing existing: Shop?) throws(Refusal) -> CatalogDecision {
        if let existing, existing.name == next.name, existing.listings == next.listings,
           existing.followedCategories == next.followedCategories, existing.excludedSKUs == next.excludedSKUs {
            return alreadyHandled(existing)
        }
        try checkEncodedSize(next, what: "the shop of \(next.distributor)")
        return .accepted(events: [.shopChanged(next)], outcome: .accepted(key: next.recordKey, revision: next.revision))
    }

    private func alreadyHandled(_ shop: Shop) -> CatalogDecision {
        .accepted(events: [], outcome: .accepted(key: shop.recordKey, revision: shop.revision))
    }
}
