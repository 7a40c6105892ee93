import Contracts
import Foundation

/// Warehouse-level settings: commands that name no SKU.
///
/// - a region is non-blank and at most `maximumRegionLength` characters; it is stored trimmed;
///   setting a warehouse's region again replaces it.
extension InventoryDecider {
    func decide(_ command: SetWarehouseRegion, id: MessageID) -> InventoryDecision {
        let region = command.region.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = textProblem(region, limit: Self.maximumRegionLength) {
            return .rejected(.warehouseCommandRejected(WarehouseCommandRejected(
                commandId: id, warehouse: command.warehouse, code: .invalidField, field: "region",
                reason: "region \(problem)")))
        }
        return .accepted([.warehouseRegionSet(WarehouseRegionSet(commandId: id, warehouse: command.warehouse,
                                                                 region: region))])
    }
}
