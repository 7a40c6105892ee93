import Contracts

/// What the catalog knows: a pure fold of `catalog.events.v1` (`apply`). The catalog service
/// decides against `records`; the gateway keeps the same fold as its read replica and browses
/// `categories`.
///
/// Records replace each other by revision: an event whose revision is not higher than the record
/// held is ignored, so replays and the service's own events read back from Kafka are no-ops.
public struct CatalogState: Sendable, Equatable {
    public private(set) var records = CatalogRecords()
    public private(set) var categories = CategoryTree()

    public init() {}

    /// Folds `events` in order.
    public init(events: some Sequence<CatalogEvent>) {
        for event in events { apply(event) }
    }

    public var products: [ProductID: Product] { records.products }
    public var priceLists: [PriceListID: PriceList] { records.priceLists }
    public var shops: [ShopID: Shop] { records.shops }

    /// Applies one record; returns false when it changed nothing (an older or repeated revision, or
    /// an import report, which is a notice rather than state).
    @discardableResult
    public mutating func apply(_ event: CatalogEvent) -> Bool {
        switch event {
        case let .productChanged(product):
            if let held = records.products[product.id], held.revision >= product.revision { return false }
            if let previous = records.put(product) {
                categories.count(previous.categoryPath, listed: previous.status == .listed, delta: -1)
            }
            categories.count(product.categoryPath, listed: product.status == .listed, delta: 1)
            return true
        case let .priceListChanged(priceList):
            if let held = records.priceLists[priceList.id], held.revision >= priceList.revision { return false }
            records.put(priceList)
            return true
        case let .shopChanged(shop):
            if let held = records.shops[shop.distributor], held.revision >= shop.revision { return false }
            records.put(shop)
            return true
        case .productsImported:
            return false
        }
    }
}
