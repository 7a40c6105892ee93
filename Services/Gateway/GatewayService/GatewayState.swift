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
    /// On hand per SKU per warehouse, units reserved for orders per SKU, and the per-SKU available
    /// totals (on hand minus reserved) kept alongside so a search takes them without summing.
    private let stock = Locked<StockView>(StockView())

    // MARK: identity

    func apply(_ company: Company) { _ = directory.withLock { $0.apply(company) } }

    // MARK: catalog

    func apply(_ event: CatalogEvent) { catalog.withLock { $0.apply(event) } }

    /// A consistent snapshot of the catalog with its indexes built.
    func catalogSnapshot() -> CatalogView.Snapshot { catalog.withLock { $0.snapshot() } }

    // MARK: stock

    func apply(_ event: InventoryEvent) { stock.withLock { $0.apply(event) } }

    /// Units a buyer can order now (on hand minus reserved) of one SKU.
    func onHand(_ sku: SKU) -> Int64? { stock.withLock { $0.available[sku] } }

    /// Available units per SKU (a copy-on-write snapshot: no copying unless stock changes meanwhile).
    func stockLevels() -> [SKU: Int64] { stock.withLock { $0.available } }

    /// One SKU's stock as suppliers see it: on hand per warehouse, reserved for orders, available.
    func position(of sku: SKU) -> StockView.Position? { stock.withLock { $0.position(of: sku) } }
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

/// Stock as buyers see it, folded from `inventory.events.v1`.
struct StockView: Sendable {
    private var onHand: [SKU: [WarehouseID: Int64]] = [:]
    private var reserved: [SKU: Int64] = [:]
    private(set) var available: [SKU: Int64] = [:]

    mutating func apply(_ event: InventoryEvent) {
        switch event {
        case let .stockReceived(received): onHand[received.sku, default: [:]][received.warehouse] = received.onHand
        case let .stockAdjusted(adjusted): onHand[adjusted.sku, default: [:]][adjusted.warehouse] = adjusted.onHand
        case let .stockReserved(reserved): self.reserved[reserved.sku, default: 0] += reserved.allocations.reduce(0) { $0 + $1.quantity }
        case let .reservationReleased(released): reserved[released.sku, default: 0] -= released.allocations.reduce(0) { $0 + $1.quantity }
        case let .reservationCommitted(committed):
            for allocation in committed.allocations {
                onHand[committed.sku, default: [:]][allocation.warehouse, default: 0] -= allocation.quantity
            }
            reserved[committed.sku, default: 0] -= committed.allocations.reduce(0) { $0 + $1.quantity }
        case .stockCommandRejected, .reservationRejected, .lowStock, .safetyStockSet, .warehouseRegionSet, .warehouseCommandRejected:
            return
        }
        guard let sku = event.sku else { return }
        available[sku] = (onHand[sku]?.values.reduce(0, +) ?? 0) - (reserved[sku] ?? 0)
    }

    struct Position: Encodable {
        let sku: SKU
        let onHand: [String: Int64]
        let reserved: Int64
        let available: Int64
    }

    func position(of sku: SKU) -> Position? {
        guard let warehouses = onHand[sku] else { return nil }
        return Position(sku: sku, onHand: Dictionary(uniqueKeysWithValues: warehouses.map { ($0.key.rawValue, $0.value) }),
                        reserved: reserved[sku] ?? 0, available: available[sku] ?? 0)
    }
}
