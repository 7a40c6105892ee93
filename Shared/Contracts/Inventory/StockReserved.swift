/// Event: a `ReserveStock` was granted in full. Reserved rises by each allocation, so available
/// falls by `sum(allocations)`; on-hand is unchanged until the reservation is committed.
public struct StockReserved: MessagePayload {
    public static let messageType = "inventory.stock-reserved"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let reservation: String
    public let order: OrderID
    public let sku: SKU
    /// One per warehouse, in the order chosen (buyer's region first, then most available); more
    /// than one is a split shipment.
    public let allocations: [WarehouseAllocation]
    /// Units of the SKU still available across all warehouses after this reservation.
    public let available: Int64

    public init(commandId: MessageID, reservation: String, order: OrderID, sku: SKU,
                allocations: [WarehouseAllocation], available: Int64) {
        self.commandId = commandId
        self.reservation = reservation
        self.order = order
        self.sku = sku
        self.allocations = allocations
        self.available = available
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", reservation = "reservation", order = "order", sku = "sku"
        case allocations = "allocations", available = "available"
    }
}
