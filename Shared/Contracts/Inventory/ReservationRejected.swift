/// Event: a `ReserveStock` was refused; nothing is held. The same facts travel to order in the
/// `StockReservationResult` reply.
public struct ReservationRejected: MessagePayload {
    public static let messageType = "inventory.reservation-rejected"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let reservation: String
    public let order: OrderID
    public let sku: SKU
    /// "insufficient-stock", "unknown-sku", "invalid-quantity", "invalid-field" or "reservation-conflict".
    public let code: RejectionCode
    /// The command field at fault, e.g. "quantity"; absent when no single field is.
    public let field: String?
    /// Units of the SKU available across all warehouses when the reserve was decided.
    public let available: Int64
    /// A sentence a buyer can read, e.g. "requested 5 of SKU-RED-42 but only 3 are available".
    public let reason: String

    public init(commandId: MessageID, reservation: String, order: OrderID, sku: SKU, code: RejectionCode,
                field: String?, available: Int64, reason: String) {
        self.commandId = commandId
        self.reservation = reservation
        self.order = order
        self.sku = sku
        self.code = code
        self.field = field
        self.available = available
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", reservation = "reservation", order = "order", sku = "sku", code = "code"
        case field = "field", available = "available", reason = "reason"
    }
}
