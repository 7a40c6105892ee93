import Contracts

extension AnalyticsState {
    /// Folds one record of `catalog.events.v1`: a product names its supplier's SKUs, so the
    /// supplier's stock view lists every SKU it sells, also those never ordered (the slow movers a
    /// supplier most needs to see), not only those its order lines named. The other catalog records
    /// move no number. Returns true when the supplier's view gained a SKU.
    @discardableResult
    public mutating func apply(_ event: CatalogEvent) -> Bool {
        guard case let .productChanged(product) = event else { return false }
        var gained = false
        for sku in product.skus.map(\.sku) + product.discontinuedSKUs {
            gained = skuSuppliers[sku, default: []].insert(product.supplier).inserted || gained
        }
        if gained { markChanged(.supplier(product.supplier)) }
        return gained
    }
}
