import CatalogCore
import Contracts
import Foundation
import GatewayCore
import Runtime

/// Everything the gateway answers reads from: replicas of identity, catalog, stock and dashboards, folded from
/// their topics. Indexes are rebuilt lazily, on the first read after a change, so a burst of
/// catalog events costs one rebuild rather than one per event.
final class GatewayState: Sendable {
    let directory = Locked(Directory())
    private let catalog = Locked(CatalogView())
    /// On hand per SKU per warehouse, units reserved for orders per SKU, and the per-SKU available
    /// totals (on hand minus reserved) kept alongside so a search takes them without summing.
    private let stock = Locked<StockView>(StockView())
    /// Orders this instance sent for placement lately: their reservations may not be answered yet.
    private let recentOrders = Locked(RecentOrders())
    /// The latest dashboard snapshot per key (company id or "platform") with its offset. Both the
    /// replica's restore and its follower deliver every record, in offset order per partition, and
    /// a key always lives on one partition: a record at or below the kept offset is older news.
    private let analytics = Locked<[String: KeptSnapshot]>([:])

    /// A dashboard record as it arrived, parsed on its first read.
    private struct KeptSnapshot {
        var offset: Int64
        var unparsed: [UInt8]?
        /// The last snapshot that parsed; kept when a newer record does not.
        var parsed: AnalyticsSnapshot?
    }

    // MARK: identity

    func apply(_ company: Company) { _ = directory.withLock { $0.apply(company) } }

    /// A company this instance just decided and published (see `Directory.applyOwnWrite`).
    func applyOwnWrite(_ company: Company) { _ = directory.withLock { $0.applyOwnWrite(company) } }

    // MARK: catalog

    func apply(_ event: CatalogEvent) { catalog.withLock { $0.apply(event) } }

    /// A consistent snapshot of the catalog with its indexes built.
    func catalogSnapshot() -> CatalogView.Snapshot { catalog.withLock { $0.snapshot() } }

    // MARK: stock

    func apply(_ event: InventoryEvent) { stock.withLock { $0.apply(event) } }

    /// Units a buyer can order now (on hand minus reserved) of one SKU.
    func onHand(_ sku: SKU) -> Int64? { stock.withLock { $0.available[sku] } }

    /// Whether `order` might hold a line of the sold-out `sku`: inventory answered a reservation of
    /// it for the SKU (as far as this replica has read), or this instance placed it recently.
    func mayHoldLine(of sku: SKU, order: OrderID) -> Bool {
        recentOrders.withLock { $0.contains(order) } || stock.withLock { $0.decided.mayHaveAnswered(order: order, sku: sku) }
    }

    /// Remembers an order this instance sends for placement (see `RecentOrders`).
    func placing(_ order: OrderID) { recentOrders.withLock { $0.insert(order) } }

    /// Available units per SKU (a copy-on-write snapshot: no copying unless stock changes meanwhile).
    func stockLevels() -> [SKU: Int64] { stock.withLock { $0.available } }

    // MARK: analytics

    /// Keeps the record of `key` at `offset` unless a newer one is kept already.
    func keepAnalytics(key: String, offset: Int64, record: [UInt8]) {
        analytics.withLock { kept in
            var entry = kept[key] ?? KeptSnapshot(offset: -1)
            guard entry.offset < offset else { return }
            entry.offset = offset
            entry.unparsed = record
            kept[key] = entry
        }
    }

    /// The dashboards of a company or of the platform, as last published by analytics. A record
    /// that does not parse as the snapshot of its key leaves the previous one in place.
    func analytics(_ scope: AnalyticsScope) -> AnalyticsSnapshot? {
        analytics.withLock { kept in
            guard var entry = kept[scope.key] else { return nil }
            if let record = entry.unparsed {
                entry.unparsed = nil
                if let snapshot = try? WireFormat.decode(record, as: AnalyticsSnapshot.self).payload, snapshot.key == scope.key {
                    entry.parsed = snapshot
                }
                kept[scope.key] = entry
            }
            return entry.parsed
        }
    }

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
    /// Low-stock levels per SKU: under nil the SKU-wide level, else per warehouse (0 = none).
    private var safetyStock: [SKU: [WarehouseID?: Int64]] = [:]
    private(set) var available: [SKU: Int64] = [:]
    /// Orders inventory answered a reservation for, per SKU: who may retry after a sell-out.
    private(set) var decided = DecidedReservations()

    mutating func apply(_ event: InventoryEvent) {
        switch event {
        case let .stockReceived(received): onHand[received.sku, default: [:]][received.warehouse] = received.onHand
        case let .stockAdjusted(adjusted): onHand[adjusted.sku, default: [:]][adjusted.warehouse] = adjusted.onHand
        case let .stockReserved(reserved):
            self.reserved[reserved.sku, default: 0] += reserved.allocations.reduce(0) { $0 + $1.quantity }
            decided.record(order: reserved.order, sku: reserved.sku)
        case let .reservationRejected(rejected):
            decided.record(order: rejected.order, sku: rejected.sku)
            return
        case let .reservationReleased(released): reserved[released.sku, default: 0] -= released.allocations.reduce(0) { $0 + $1.quantity }
        case let .reservationCommitted(committed):
            for allocation in committed.allocations {
                onHand[committed.sku, default: [:]][allocation.warehouse, default: 0] -= allocation.quantity
            }
            reserved[committed.sku, default: 0] -= committed.allocations.reduce(0) { $0 + $1.quantity }
        case let .safetyStockSet(set):
            safetyStock[set.sku, default: [:]][set.warehouse] = set.quantity == 0 ? nil : set.quantity
            return
        case .stockCommandRejected, .lowStock, .warehouseRegionSet, .warehouseCommandRejected:
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
        /// The SKU-wide low-stock level, if set.
        let safetyStock: Int64?
        /// Per-warehouse low-stock levels, if any is set.
        let warehouseSafetyStock: [String: Int64]?
    }

    func position(of sku: SKU) -> Position? {
        guard let warehouses = onHand[sku] else { return nil }
        let levels = safetyStock[sku] ?? [:]
        let perWarehouse = Dictionary(uniqueKeysWithValues: levels.compactMap { key, value in key.map { ($0.rawValue, value) } })
        return Position(sku: sku, onHand: Dictionary(uniqueKeysWithValues: warehouses.map { ($0.key.rawValue, $0.value) }),
                        reserved: reserved[sku] ?? 0, available: available[sku] ?? 0, safetyStock: levels[nil],
                        warehouseSafetyStock: perWarehouse.isEmpty ? nil : perWarehouse)
    }
}
