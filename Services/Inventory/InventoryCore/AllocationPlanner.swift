import Foundation
import Contracts

/// Chooses the warehouses a reservation is held in.
///
/// Rules, in order:
/// 1. One shipment if possible: when any warehouse can fill the whole quantity alone, the first such
///    warehouse in preference order gets it all (a remote single shipment beats a regional split).
/// 2. Otherwise a split shipment: warehouses in preference order each give what they have until the
///    quantity is met.
///
/// Preference order: warehouses in the buyer's region first (region compared ignoring case and
/// surrounding whitespace; no region, or a warehouse with no region set, matches nothing), then
/// most available, then warehouse id (so equal candidates are always chosen the same way).
/// Warehouses with nothing available are never used. Pure and deterministic.
enum AllocationPlanner {
    /// The allocations for `quantity`, or nil when all warehouses together have less.
    static func plan(quantity: Int64, available: [WarehouseID: Int64], region: (WarehouseID) -> String?,
                     buyerRegion: String?) -> [WarehouseAllocation]? {
        precondition(quantity > 0, "plan a positive quantity")
        let wanted = buyerRegion.map(normalized).flatMap { $0.isEmpty ? nil : $0 }
        let candidates = available
            .filter { $0.value > 0 }
            .map { (warehouse: $0.key, available: $0.value,
                    local: wanted != nil && region($0.key).map(normalized) == wanted) }
            .sorted { lhs, rhs in
                if lhs.local != rhs.local { return lhs.local }
                if lhs.available != rhs.available { return lhs.available > rhs.available }
                return lhs.warehouse < rhs.warehouse
            }
        if let single = candidates.first(where: { $0.available >= quantity }) {
            return [WarehouseAllocation(warehouse: single.warehouse, quantity: quantity)]
        }
        var remaining = quantity
        var allocations: [WarehouseAllocation] = []
        for candidate in candidates where remaining > 0 {
            let take = min(candidate.available, remaining)
            allocations.append(WarehouseAllocation(warehouse: candidate.warehouse, quantity: take))
            remaining -= take
        }
        return remaining == 0 ? allocations : nil
    }

    /// How regions are compared: trimmed and case-folded.
    static func normalized(_ region: String) -> String {
        region.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
