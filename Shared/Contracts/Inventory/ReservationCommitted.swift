/// Event: a reservation's units left stock (the order was confirmed). On-hand and reserved both fall
/// by each allocation in its warehouse; available is unchanged.
public struct ReservationCommitted: MessagePayload {
    public static let messageType = "inventory.reservation-committed"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let reservation: String
    public let order: OrderID
    public let sku: SKU
    /// What left, per warehouse.
    public let allocations: [WarehouseAllocation]
    /// On-hand of the SKU across all warehouses after the commit.
    public let onHand: Int64
    /// Units of the SKU available across all warehouses (unchanged by a commit).
    public let available: Int64

    public init(commandId: MessageID, reservation: String, order: OrderID, sku: SKU,
                allocations: [WarehouseAllocation], onHand: Int64, available: Int64) {
        self.commandId = commandId
        self.reservation = reservation
        self.order = order
        self.sku = sku
        self.allocations = allocations
        self.onHand = onHand
        self.available = available
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", reservation = "reservation", order = "order", sku = "sku"
        case allocations = "allocations", onHand = "onHand", available = "available"
    }
}
