/// Event: a `ReceiveStock` command was applied.
public struct StockReceived: MessagePayload {
    public static let messageType = "inventory.stock-received"
    public static let messageVersion = 1

    /// The command this event applied; inventory remembers it to recognise a repeated command.
    public let commandId: MessageID
    public let sku: SKU
    public let warehouse: WarehouseID
    public let quantity: Int64
    public let reference: String
    /// On-hand of this SKU in this warehouse after the receipt. Carrying the result (not only the
    /// change) lets consumers and state restoration use the latest event as is.
    public let onHand: Int64

    public init(commandId: MessageID, sku: SKU, warehouse: WarehouseID, quantity: Int64, reference: String,
                onHand: Int64) {
        self.commandId = commandId
        self.sku = sku
        self.warehouse = warehouse
        self.quantity = quantity
        self.reference = reference
        self.onHand = onHand
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", sku = "sku", warehouse = "warehouse", quantity = "quantity"
        case reference = "reference", onHand = "onHand"
    }
}
