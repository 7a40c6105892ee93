import Contracts
import Foundation

/// Building the next version of a product. Internal: only the decider creates product records.
extension Product {
    /// A copy with the given fields replaced; revision, time and command ids are set by the caller.
    func with(name: String? = nil, description: String? = nil, brand: String?? = nil,
              categoryPath: [String]? = nil, attributes: [String: String]? = nil, media: [MediaReference]? = nil,
              skus: [ProductSKU]? = nil, status: ProductStatus? = nil, scheduledListAt: Date?? = nil,
              scheduledDelistAt: Date?? = nil, revision: Int? = nil, updatedAt: Date? = nil,
              recentCommandIds: [MessageID]? = nil) -> Product {
        Product(id: id, supplier: supplier, name: name ?? self.name, description: description ?? self.description,
                brand: brand ?? self.brand, categoryPath: categoryPath ?? self.categoryPath,
                attributes: attributes ?? self.attributes, media: media ?? self.media, skus: skus ?? self.skus,
                discontinuedSKUs: discontinuedSKUs, status: status ?? self.status, scheduledListAt: scheduledListAt ?? self.scheduledListAt,
                scheduledDelistAt: scheduledDelistAt ?? self.scheduledDelistAt, revision: revision ?? self.revision,
                updatedAt: updatedAt ?? self.updatedAt, recentCommandIds: recentCommandIds ?? self.recentCommandIds)
    }

    /// The SKUs a product replaced by one selling `skus` no longer sells: those it dropped now, after
    /// those it had dropped before, less any sold again. At most `limit`, the oldest forgotten first
    /// (a forgotten code may then be taken by another product).
    static func discontinuedSKUs(of previous: Product?, sellingNow skus: [ProductSKU], limit: Int) -> [SKU] {
        guard let previous else { return [] }
        let selling = Set(skus.map(\.sku))
        var seen = Set<SKU>()
        let dropped = (previous.discontinuedSKUs + previous.skus.map(\.sku))
            .filter { !selling.contains($0) && seen.insert($0).inserted }
        return Array(dropped.suffix(limit))
    }

    /// Equal in everything a user can see or change (not revision, time or remembered commands).
    func hasSameContent(as other: Product) -> Bool {
        id == other.id && supplier == other.supplier && name == other.name && description == other.description
            && brand == other.brand && categoryPath == other.categoryPath && attributes == other.attributes
            && media == other.media && skus == other.skus && discontinuedSKUs == other.discontinuedSKUs
            && status == other.status
            && scheduledListAt == other.scheduledListAt && scheduledDelistAt == other.scheduledDelistAt
    }

    /// This product with the schedules that are due at `now` carried out, in time order, and
    /// removed; nil when nothing is due. Revision and time are left to the caller. A due listing of
    /// a product without SKUs is dropped (it could not be listed), as `status(at:)` assumes.
    func applyingDueSchedules(now: Date) -> Product? {
        var due: [(Date, ProductStatus)] = []
        if let listAt = scheduledListAt, listAt <= now { due.append((listAt, .listed)) }
        if let delistAt = scheduledDelistAt, delistAt <= now { due.append((delistAt, .delisted)) }
        guard !due.isEmpty else { return nil }
        var status = self.status
        for (_, target) in due.sorted(by: { $0.0 < $1.0 }) {
            switch (status, target) {
            case (.draft, .listed), (.delisted, .listed): if !skus.isEmpty { status = .listed }
            case (.listed, .delisted): status = .delisted
            default: break
            }
        }
        return with(status: status,
                    scheduledListAt: .some(scheduledListAt.flatMap { $0 <= now ? nil : $0 }),
                    scheduledDelistAt: .some(scheduledDelistAt.flatMap { $0 <= now ? nil : $0 }))
    }
}
