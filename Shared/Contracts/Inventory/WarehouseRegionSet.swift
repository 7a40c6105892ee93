/// Event: a `SetWarehouseRegion` was applied on this partition. Not about a SKU: it is keyed like the
/// command copy that caused it, so it lands on the same partition.
public struct WarehouseRegionSet: MessagePayload {
    public static let messageType = "inventory.warehouse-region-set"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let warehouse: WarehouseID
    /// The region, trimmed of surrounding whitespace.
    public let region: String

    public init(commandId: MessageID, warehouse: WarehouseID, region: String) {
        self.commandId = commandId
        self.warehouse = warehouse
        self.region = region
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", warehouse = "warehouse", region = "region"
    }
}
