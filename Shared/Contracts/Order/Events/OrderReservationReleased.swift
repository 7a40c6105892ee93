import Foundation

/// Event: a reservation that inventory confirmed after the order had already ended (rejected,
/// cancelled, expired) was released again. Recording it makes a repeat of the late reply a no-op.
public struct OrderReservationReleased: MessagePayload {
    public static let messageType = "order.reservation-released"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    public let line: String
    public let reservation: String
    public let sku: SKU
    public let quantity: Int64
    public let reason: String

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, line: String, reservation: String,
                sku: SKU, quantity: Int64, reason: String) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.line = line
        self.reservation = reservation
        self.sku = sku
        self.quantity = quantity
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", line = "line"
        case reservation = "reservation", sku = "sku", quantity = "quantity", reason = "reason"
    }
}
