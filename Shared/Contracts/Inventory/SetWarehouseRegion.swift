import Foundation

/// Command: the delivery region a warehouse serves for one supplier (e.g. "east-china"), so
/// reservations of that supplier's SKUs prefer warehouses in the buyer's region. Warehouse ids carry
/// no region themselves, and a warehouse id is not owned: suppliers sharing a third-party warehouse
/// each set their own region for it, and none can change another's.
///
/// Not about one SKU: every partition of `inventory.commands.v1` needs it, so the sender publishes
/// one copy per partition (see the inventory notes); each copy is decided by that partition's writer.
public struct SetWarehouseRegion: MessagePayload {
    public static let messageType = "inventory.set-warehouse-region"
    public static let messageVersion = 1

    public let warehouse: WarehouseID
    /// Whose stock the region applies to. Nil only in commands sent before regions were kept per
    /// supplier: such a region applies to every supplier that has not set its own for the warehouse.
    public let supplier: CompanyID?
    /// Non-blank, at most 64 characters. Compared with the buyer's region ignoring case and
    /// surrounding whitespace. Through the API it must be a region code (`regionProblem`).
    public let region: String

    /// Why `region` cannot be a warehouse's region set through the API, or nil: once trimmed and
    /// lowercased it must be 1...64 of a-z, 0-9 and '-', the form of a buyer company's region, or it
    /// would never match one. (Inventory itself takes any short text, as an ERP may name regions.)
    public static func regionProblem(_ region: String) -> String? {
        let code = region.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let letters = code.unicodeScalars
        guard (1...64).contains(letters.count),
              letters.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            return "region must be a region code of 1 to 64 characters of a-z, 0-9 and '-' like east-china "
                + "(the form of buyers' regions), got \"\(region.prefix(64))\""
        }
        return nil
    }

    public init(warehouse: WarehouseID, supplier: CompanyID?, region: String) {
        self.warehouse = warehouse
        self.supplier = supplier
        self.region = region
    }

    private enum CodingKeys: String, CodingKey {
        case warehouse = "warehouse", supplier = "supplier", region = "region"
    }
}
