/// Event: a `SetSafetyStock` was applied.
public struct SafetyStockSet: MessagePayload {
    public static let messageType = "inventory.safety-stock-set"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let sku: SKU
    /// Absent: the SKU-wide level.
    public let warehouse: WarehouseID?
    /// The new level; 0 means none.
    public let quantity: Int64
    /// Available units in that scope when the level was set.
    public let available: Int64

    public init(commandId: MessageID, sku: SKU, warehouse: WarehouseID?, quantity: Int64, available: Int64) {
        self.commandId = commandId
        self.sku = sku
        self.warehouse = warehouse
        self.quantity = quantity
        self.available = available
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", sku = "sku", warehouse = "warehouse", quantity = "quantity"
        case available = "available"
    }
}
