/// Event: a stock command was refused. Rejections are facts published like any other event, so the
/// sender (and an auditor) can see what was refused and why; state does not change except that the
/// command counts as handled.
public struct StockCommandRejected: MessagePayload {
    public static let messageType = "inventory.stock-command-rejected"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let sku: SKU
    /// The command's warehouse, when it named one.
    public let warehouse: WarehouseID?
    public let code: RejectionCode
    /// The command payload field at fault, e.g. "quantity" or "delta"; absent when no single field is.
    public let field: String?
    /// A sentence a person can act on, e.g. "delta -7 would leave on-hand at -2 (on hand 5)".
    public let reason: String

    public init(commandId: MessageID, sku: SKU, warehouse: WarehouseID?, code: RejectionCode, field: String?,
                reason: String) {
        self.commandId = commandId
        self.sku = sku
        self.warehouse = warehouse
        self.code = code
        self.field = field
        self.reason = reason
    }

    // Optional fields are omitted when absent (synthesized `encodeIfPresent`); readers treat a
    // missing key and null alike.
    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", sku = "sku", warehouse = "warehouse", code = "code"
        case field = "field", reason = "reason"
    }
}
