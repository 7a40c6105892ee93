/// Command: the level below which available stock counts as low (`low-stock` is published when
/// available falls below it). With a warehouse, the level applies to that warehouse's available;
/// without, to the SKU's available across all warehouses. 0 removes the level.
public struct SetSafetyStock: MessagePayload {
    public static let messageType = "inventory.set-safety-stock"
    public static let messageVersion = 1

    public let sku: SKU
    public let warehouse: WarehouseID?
    /// 0...1,000,000,000.
    public let quantity: Int64
    /// Where to answer (the asking gateway instance), when the sender waits for the outcome; the
    /// outcome is published on `inventory.events.v1` either way.
    public let replyTo: ReplyAddress?

    public init(sku: SKU, warehouse: WarehouseID?, quantity: Int64, replyTo: ReplyAddress? = nil) {
        self.sku = sku
        self.warehouse = warehouse
        self.quantity = quantity
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case sku = "sku", warehouse = "warehouse", quantity = "quantity", replyTo = "replyTo"
    }
}
