/// Command: the delivery region a warehouse serves (e.g. "华东" / "east-china"), so reservations
/// prefer warehouses in the buyer's region. Warehouse ids carry no region themselves.
///
/// Not about one SKU: every partition of `inventory.commands.v1` needs it, so the sender publishes
/// one copy per partition (see the inventory notes); each copy is decided by that partition's writer.
public struct SetWarehouseRegion: MessagePayload {
    public static let messageType = "inventory.set-warehouse-region"
    public static let messageVersion = 1

    public let warehouse: WarehouseID
    /// Non-blank, at most 64 characters. Compared with the buyer's region ignoring case and
    /// surrounding whitespace.
    public let region: String

    public init(warehouse: WarehouseID, region: String) {
        self.warehouse = warehouse
        self.region = region
    }

    private enum CodingKeys: String, CodingKey {
        case warehouse = "warehouse", region = "region"
    }
}
