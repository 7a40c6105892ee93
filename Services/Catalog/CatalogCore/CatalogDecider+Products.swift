import Contracts
import Foundation

extension CatalogDecider {
    func upsertProduct(_ command: UpsertProduct, id: MessageID, current: CatalogRecords,
                       now: Date) throws(Refusal) -> CatalogDecision {
        let existing = current.products[command.product]
        if let existing, existing.recentCommandIds.contains(id) { return alreadyHandled(existing) }
        try authorize(command.actor, toChange: "products", ownedBy: command.supplier, ownerField: "supplier")
        if let existing, existing.supplier != command.supplier {
            throw Refusal(.forbidden, field: "product",
                          "product \(command.product) belongs to supplier \(existing.supplier), not \(command.supplier)")
        }
        try checkExpectedRevision(command.expectedRevision, current: existing?.revision)
        try ProductValidation.checkProductID(command.product)
        try ProductValidation.checkContent(
            name: command.name, description: command.description, brand: command.brand,
            categoryPath: command.categoryPath, attributes: command.attributes, media: command.media,
            skus: command.skus, limits: limits)
        for (index, entry) in command.skus.enumerated() {
            if let owner = current.productIDsBySKU[entry.sku], owner != command.product {
                throw Refusal(.duplicateSKU, field: "skus[\(index)].sku",
                              "skus[\(index)].sku \(entry.sku) \(current.ownership(of: entry.sku, by: owner))")
            }
            if let lookalike = current.lookalike(of: entry.sku, outside: command.product) {
                throw Refusal(.duplicateSKU, field: "skus[\(index)].sku",
                              "skus[\(index)].sku \(entry.sku) differs only in letter case from SKU \(lookalike.sku) of product \(lookalike.product); choose a code people can tell apart")
            }
        }
        let base = existing.map { $0.applyingDueSchedules(now: now) ?? $0 }
        let status = base?.status ?? .draft
        if command.skus.isEmpty && (status == .listed || base?.scheduledListAt != nil) {
            throw .invalid("skus", "a listed or scheduled product must keep at least one SKU; delist it first")
        }
        let next = Product(
            id: command.product, supplier: command.supplier, name: command.name, description: command.description,
            brand: command.brand, categoryPath: command.categoryPath, attributes: command.attributes,
            media: command.media, skus: command.skus,
            discontinuedSKUs: Product.discontinuedSKUs(of: existing, sellingNow: command.skus,
                                                       limit: limits.maximumDiscontinuedSKUsPerProduct),
            status: status, scheduledListAt: base?.scheduledListAt,
            scheduledDelistAt: base?.scheduledDelistAt, revision: (existing?.revision ?? 0) + 1, updatedAt: now,
            recentCommandIds: remembering(id, in: existing?.recentCommandIds ?? []))
        return try publish(next, replacing: existing)
    }

    func setProductStatus(_ command: SetProductStatus, id: MessageID, current: CatalogRecords,
                          now: Date) throws(Refusal) -> CatalogDecision {
        guard let existing = current.products[command.product] else {
            throw Refusal(.unknownProduct, field: "product", "there is no product \(command.product)")
        }
        if existing.recentCommandIds.contains(id) { return alreadyHandled(existing) }
        try authorize(command.actor, toChange: "products", ownedBy: command.supplier, ownerField: "supplier")
        if existing.supplier != command.supplier {
            throw Refusal(.forbidden, field: "product",
                          "product \(command.product) belongs to supplier \(existing.supplier), not \(command.supplier)")
        }
        let base = existing.applyingDueSchedules(now: now) ?? existing
        let changed: Product
        if let at = command.scheduledAt, at > now {
            changed = try scheduling(base, to: command.status, at: at)
        } else {
            changed = try transitioning(base, to: command.status)
        }
        let next = changed.with(revision: existing.revision + 1, updatedAt: now,
                                recentCommandIds: remembering(id, in: existing.recentCommandIds))
        return try publish(next, replacing: existing)
    }

    /// An immediate status change. Listing now keeps a scheduled delisting (list now, delist at the
    /// end of a season); delisting or returning to draft cancels every schedule.
    func transitioning(_ product: Product, to status: ProductStatus, field: String = "status") throws(Refusal) -> Product {
        switch (product.status, status) {
        case (.draft, .listed), (.delisted, .listed), (.listed, .listed):
            if product.skus.isEmpty {
                throw .invalid("skus", "product \(product.id) needs at least one SKU to be listed")
            }
            return product.with(status: .listed, scheduledListAt: .some(nil))
        case (.listed, .delisted), (.delisted, .delisted), (.delisted, .draft), (.draft, .draft):
            return product.with(status: status, scheduledListAt: .some(nil), scheduledDelistAt: .some(nil))
        case (.listed, .draft):
            throw Refusal(.invalidStatusTransition, field: field,
                          "product \(product.id) is listed; delist it before returning it to draft")
        case (.draft, .delisted):
            throw Refusal(.invalidStatusTransition, field: field,
                          "product \(product.id) is a draft that was never listed, so it cannot be delisted")
        }
    }

    /// A future status change: records the schedule and leaves the status as it is.
    func scheduling(_ product: Product, to status: ProductStatus, at date: Date) throws(Refusal) -> Product {
        switch status {
        case .draft:
            throw .invalid("scheduledAt", "only listing and delisting can be scheduled, not a return to draft")
        case .listed:
            if product.status == .listed {
                throw Refusal(.invalidStatusTransition, field: "status", "product \(product.id) is already listed")
            }
            if product.skus.isEmpty {
                throw .invalid("skus", "product \(product.id) needs at least one SKU to be listed")
            }
            return product.with(scheduledListAt: .some(date))
        case .delisted:
            let listedBefore = product.scheduledListAt.map { $0 < date } ?? false
            guard product.status == .listed || listedBefore else {
                throw Refusal(.invalidStatusTransition, field: "status",
                              "product \(product.id) is neither listed nor scheduled to be listed before \(date)")
            }
            return product.with(scheduledDelistAt: .some(date))
        }
    }

    /// Accepts `next` unless it changes nothing visible, after the size check.
    func publish(_ next: Product, replacing existing: Product?) throws(Refusal) -> CatalogDecision {
        if let existing, existing.hasSameContent(as: next) { return alreadyHandled(existing) }
        try checkEncodedSize(next, what: "product \(next.id)")
        return .accepted(events: [.productChanged(next)], outcome: .accepted(key: next.recordKey, revision: next.revision))
    }

    func alreadyHandled(_ product: Product) -> CatalogDecision {
        .accepted(events: [], outcome: .accepted(key: product.recordKey, revision: product.revision))
    }
}
