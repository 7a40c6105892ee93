/// Event: available stock fell below its safety stock. Published once per crossing: again only after
/// available has risen back to (or above) the safety stock and then fallen below it once more.
public struct LowStock: MessagePayload {
    public static let messageType = "inventory.low-stock"
    public static let messageVersion = 1

    /// The command whose effect crossed the level.
    public let commandId: MessageID
    public let sku: SKU
    /// The warehouse whose own safety stock was crossed; absent for the SKU-wide level.
    public let warehouse: WarehouseID?
    /// Available units in that scope (the warehouse, or the SKU across warehouses) after the change.
    public let available: Int64
    public let safetyStock: Int64

    public init(commandId: MessageID, sku: SKU, warehouse: WarehouseID?, available: Int64, safetyStock: Int64) {
        self.commandId = commandId
        self.sku = sku
        self.warehouse = warehouse
        self.available = available
        self.safetyStock = safetyStock
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", sku = "sku", warehouse = "warehouse", available = "available"
        case safetyStock = "safetyStock"
    }
}
