import Foundation

/// Event: inventory could not reserve one line. If the order was still reserving stock, an
/// `order.rejected` follows in the same decision; if it had already ended, this only records it.
public struct OrderLineReservationFailed: MessagePayload {
    public static let messageType = "order.line-reservation-failed"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    public let line: String
    public let reservation: String
    public let sku: SKU
    /// Units the line asked for.
    public let quantity: Int64
    /// Inventory's code, e.g. "insufficient-stock", "unknown-sku".
    public let code: RejectionCode
    /// Units inventory could have reserved.
    public let available: Int64
    /// Inventory's reason.
    public let reason: String

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, line: String, reservation: String,
                sku: SKU, quantity: Int64, code: RejectionCode, available: Int64, reason: String) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.line = line
        self.reservation = reservation
        self.sku = sku
        self.quantity = quantity
        self.code = code
        self.available = available
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", line = "line"
        case reservation = "reservation", sku = "sku", quantity = "quantity", code = "code"
        case available = "available", reason = "reason"
    }
}
