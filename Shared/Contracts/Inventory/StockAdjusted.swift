/// Event: an `AdjustStock` command was applied.
public struct StockAdjusted: MessagePayload {
    public static let messageType = "inventory.stock-adjusted"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let sku: SKU
    public let warehouse: WarehouseID
    public let delta: Int64
    public let reason: String
    /// On-hand of this SKU in this warehouse after the adjustment.
    public let onHand: Int64

    public init(commandId: MessageID, sku: SKU, warehouse: WarehouseID, delta: Int64, reason: String,
                onHand: Int64) {
        self.commandId = commandId
        self.sku = sku
        self.warehouse = warehouse
        self.delta = delta
        self.reason = reason
        self.onHand = onHand
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", sku = "sku", warehouse = "warehouse", delta = "delta"
        case reason = "reason", onHand = "onHand"
    }
}
