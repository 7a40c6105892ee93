import Contracts

/// One reservation (one order line) of a SKU, as inventory holds it.
public struct Reservation: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        /// Units held: they count in `reserved` and not in available.
        case reserved
        /// Given back; final.
        case released
        /// Left stock (on-hand fell); final.
        case committed
    }

    public let id: String
    public let order: OrderID
    public let sku: SKU
    public let allocations: [WarehouseAllocation]
    public internal(set) var status: Status
    /// The `ReserveStock` command that created it.
    public let reservedBy: MessageID

    public var quantity: Int64 { allocations.reduce(0) { $0 + $1.quantity } }
}
