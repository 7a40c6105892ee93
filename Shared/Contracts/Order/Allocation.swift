/// How many units of a reservation one warehouse holds for an order line (a reservation may be
/// split over warehouses). Sent by inventory in `StockReservationResult`.
public struct Allocation: Codable, Sendable, Hashable {
    public let warehouse: WarehouseID
    public let quantity: Int64

    public init(warehouse: WarehouseID, quantity: Int64) {
        self.warehouse = warehouse
        self.quantity = quantity
    }

    private enum CodingKeys: String, CodingKey {
        case warehouse = "warehouse", quantity = "quantity"
    }
}
