/// Event: a held reservation was given back; reserved falls by each allocation, available rises.
public struct ReservationReleased: MessagePayload {
    public static let messageType = "inventory.reservation-released"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let reservation: String
    public let order: OrderID
    public let sku: SKU
    /// What was held, per warehouse (as reserved).
    public let allocations: [WarehouseAllocation]
    /// The release command's reason, e.g. "order cancelled by buyer".
    public let reason: String
    /// Units of the SKU available across all warehouses after the release.
    public let available: Int64

    public init(commandId: MessageID, reservation: String, order: OrderID, sku: SKU,
                allocations: [WarehouseAllocation], reason: String, available: Int64) {
        self.commandId = commandId
        self.reservation = reservation
        self.order = order
        self.sku = sku
        self.allocations = allocations
        self.reason = reason
        self.available = available
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", reservation = "reservation", order = "order", sku = "sku"
        case allocations = "allocations", reason = "reason", available = "available"
    }
}
