import CatalogCore
import Contracts
import Foundation
import GatewayCore
import Runtime

/// Everything the gateway answers reads from: replicas of identity, catalog and stock, folded from
/// their topics. Indexes are rebuilt lazily, on the first read after a change, so a burst of
/// catalog events costs one rebuild rather than one per event.
final class GatewayState: Sendable {
    let directory = Locked(Directory())
    private let catalog = Locked(CatalogView())
    /// On hand per SKU per warehouse, and the per-SKU totals kept alongside so a search can take
    /// them without summing every SKU on every request.
    private let stock = Locked<(byWarehouse: [SKU: [WarehouseID: Int64]], totals: [SKU: Int64])>(([:], [:]))

    // MARK: identity

    func apply(_ company: Company) { _ = directory.withLock { $0.apply(company) } }

    // MARK: catalog

    func apply(_ event: CatalogEvent) { catalog.withLock { $0.apply(event) } }

    /// A consistent snapshot of the catalog with its indexes built.
    func catalogSnapshot() -> CatalogView.Snapshot { catalog.withLock { $0.snapshot() } }

    // MARK: stock

    func apply(_ event: InventoryEvent) {
        switch event {
        case let .stockReceived(received): setOnHand(received.onHand, sku: received.sku, warehouse: received.warehouse)
        case let .stockAdjusted(adjusted): setOnHand(adjusted.onHand, sku: adjusted.sku, warehouse: adjusted.warehouse)
        case .stockCommandRejected: break
        }
    }

    private func setOnHand(_ onHand: Int64, sku: SKU, warehouse: WarehouseID) {
        stock.withLock { stock in
            stock.byWarehouse[sku, default: [:]][warehouse] = onHand
            stock.totals[sku] = stock.byWarehouse[sku]!.values.reduce(0, +)
        }
    }

    func onHand(_ sku: SKU) -> Int64? { stock.withLock { $0.totals[sku] } }

    /// Units on hand per SKU (a copy-on-write snapshot: no copying unless stock changes meanwhile).
    func stockLevels() -> [SKU: Int64] { stock.withLock { $0.totals } }
}

/// The catalog replica with its read indexes.
struct CatalogView: Sendable {
    private var state = CatalogState()
    private var search: CatalogSearch?
    private var prices: PriceIndex?

    mutating func apply(_ event: CatalogEvent) {
        guard state.apply(event) else { return }
        switch event {
        case .productChanged: search = nil
        case .priceListChanged: prices = nil
        case .shopChanged, .productsImported: break
        }
    }

    struct Snapshot: Sendable {
        let state: CatalogState
        let search: CatalogSearch
        let prices: PriceIndex
    }

    mutating func snapshot() -> Snapshot {
        if search == nil { search = CatalogSearch(products: state.products.values) }
        if prices == nil { prices = PriceIndex(priceLists: state.priceLists.values) }
        return Snapshot(state: state, search: search!, prices: prices!)
    }
}
