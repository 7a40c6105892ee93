/// Event: a `SetWarehouseRegion` was applied on this partition. Not about a SKU: it is keyed like the
/// command copy that caused it, so it lands on the same partition.
public struct WarehouseRegionSet: MessagePayload {
    public static let messageType = "inventory.warehouse-region-set"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let warehouse: WarehouseID
    /// The supplier whose stock the region applies to; nil for a region set before regions were
    /// kept per supplier (it applies to every supplier without its own).
    public let supplier: CompanyID?
    /// The region, trimmed of surrounding whitespace.
    public let region: String

    public init(commandId: MessageID, warehouse: WarehouseID, supplier: CompanyID?, region: String) {
        self.commandId = commandId
        self.warehouse = warehouse
        self.supplier = supplier
        self.region = region
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", warehouse = "warehouse", supplier = "supplier", region = "region"
    }
}
