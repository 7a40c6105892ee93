/// Command: the delivery region a warehouse serves for one supplier (e.g. "华东" / "east-china"), so
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
    /// surrounding whitespace.
    public let region: String

    public init(warehouse: WarehouseID, supplier: CompanyID?, region: String) {
        self.warehouse = warehouse
        self.supplier = supplier
        self.region = region
    }

    private enum CodingKeys: String, CodingKey {
        case warehouse = "warehouse", supplier = "supplier", region = "region"
    }
}
