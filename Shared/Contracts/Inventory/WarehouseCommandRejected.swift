/// Event: a warehouse-level command (one that names no SKU, such as `SetWarehouseRegion`) was refused.
/// The counterpart of `StockCommandRejected`, which always names a SKU.
public struct WarehouseCommandRejected: MessagePayload {
    public static let messageType = "inventory.warehouse-command-rejected"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let warehouse: WarehouseID
    public let code: RejectionCode
    /// The command payload field at fault, e.g. "region".
    public let field: String?
    public let reason: String

    public init(commandId: MessageID, warehouse: WarehouseID, code: RejectionCode, field: String?, reason: String) {
        self.commandId = commandId
        self.warehouse = warehouse
        self.code = code
        self.field = field
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", warehouse = "warehouse", code = "code", field = "field", reason = "reason"
    }
}
