import Contracts
import Foundation

/// Warehouse-level settings: commands that name no SKU.
///
/// - a region is non-blank and at most `maximumRegionLength` characters; it is stored trimmed;
///   setting a warehouse's region again replaces it;
/// - a region belongs to the supplier that set it: it steers only that supplier's reservations, so a
///   supplier cannot reroute another's stock by naming the same (shared, third-party) warehouse.
extension InventoryDecider {
    func decide(_ command: SetWarehouseRegion, id: MessageID) -> InventoryDecision {
        let region = command.region.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = textProblem(region, limit: Self.maximumRegionLength) {
            return .rejected(.warehouseCommandRejected(WarehouseCommandRejected(
                commandId: id, warehouse: command.warehouse, code: .invalidField, field: "region",
                reason: "region \(problem)")))
        }
        return .accepted([.warehouseRegionSet(WarehouseRegionSet(commandId: id, warehouse: command.warehouse,
                                                                 supplier: command.supplier, region: region))])
    }
}
