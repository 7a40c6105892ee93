import Contracts

/// The quantities of one SKU: on-hand and reserved per warehouse, and its safety-stock levels.
/// Small (one entry per warehouse), so the decider copies it to look at the state after a change.
///
/// Invariant kept by the decider: in every warehouse 0 <= reserved <= on-hand, so available
/// (on-hand - reserved) is never negative.
struct StockPosition: Sendable, Equatable, Codable {
    var onHand: [WarehouseID: Int64] = [:]
    /// Only warehouses with units reserved (no zero entries).
    var reserved: [WarehouseID: Int64] = [:]
    /// SKU-wide level on the total available; 0 = none.
    var safetyStock: Int64 = 0
    /// Per-warehouse levels; no zero entries.
    var warehouseSafetyStock: [WarehouseID: Int64] = [:]

    func reserved(in warehouse: WarehouseID) -> Int64 { reserved[warehouse] ?? 0 }

    func available(in warehouse: WarehouseID) -> Int64 { (onHand[warehouse] ?? 0) - reserved(in: warehouse) }

    /// Available per warehouse holding a stock record.
    var availableByWarehouse: [WarehouseID: Int64] {
        onHand.reduce(into: [:]) { result, entry in result[entry.key] = available(in: entry.key) }
    }

    /// Sum over warehouses, saturating at `Int64.max` (several warehouses near the limit could overflow).
    var totalAvailable: Int64 { Self.saturatingSum(onHand.keys.map(available(in:))) }
    var totalOnHand: Int64 { Self.saturatingSum(onHand.values) }

    /// The effect of an event on quantities and levels, taken as decided: `SKUStock.apply` has
    /// already checked that a reservation event applies to a reservation in the right status.
    mutating func apply(_ event: InventoryEvent) {
        switch event {
        case let .stockReceived(received): onHand[received.warehouse] = received.onHand
        case let .stockAdjusted(adjusted): onHand[adjusted.warehouse] = adjusted.onHand
        case let .stockReserved(reserved): add(reserved.allocations, sign: 1, toOnHand: false)
        case let .reservationReleased(released): add(released.allocations, sign: -1, toOnHand: false)
        case let .reservationCommitted(committed): add(committed.allocations, sign: -1, toOnHand: true)
        case let .safetyStockSet(set):
            if let warehouse = set.warehouse {
                warehouseSafetyStock[warehouse] = set.quantity == 0 ? nil : set.quantity
            } else {
                safetyStock = set.quantity
            }
        case .stockCommandRejected, .reservationRejected, .lowStock, .warehouseRegionSet, .warehouseCommandRejected:
            break
        }
    }

    /// The scopes whose available is below their safety stock: nil for the SKU-wide level, or a warehouse.
    var lowScopes: Set<WarehouseID?> {
        var low: Set<WarehouseID?> = []
        if safetyStock > 0, totalAvailable < safetyStock { low.insert(nil) }
        for (warehouse, level) in warehouseSafetyStock where available(in: warehouse) < level { low.insert(warehouse) }
        return low
    }

    private mutating func add(_ allocations: [WarehouseAllocation], sign: Int64, toOnHand: Bool) {
        for allocation in allocations {
            let change = sign * allocation.quantity
            let next = reserved(in: allocation.warehouse) + change
            reserved[allocation.warehouse] = next == 0 ? nil : next
            if toOnHand { onHand[allocation.warehouse, default: 0] += change }
        }
    }

    static func saturatingSum(_ values: some Sequence<Int64>) -> Int64 {
        values.reduce(0) { total, value in
            let (sum, overflow) = total.addingReportingOverflow(value)
            return overflow ? .max : sum
        }
    }
}
