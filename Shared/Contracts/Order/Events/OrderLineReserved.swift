import Foundation

/// Event: inventory reserved one line's stock. When it is the last line waiting, an
/// `order.stock-reserved` follows in the same decision.
public struct OrderLineReserved: MessagePayload {
    public static let messageType = "order.line-reserved"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    public let line: String
    /// The reservation id (equal to the line id).
    public let reservation: String
    public let sku: SKU
    public let quantity: Int64
    public let allocations: [Allocation]

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, line: String, reservation: String,
                sku: SKU, quantity: Int64, allocations: [Allocation]) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.line = line
        self.reservation = reservation
        self.sku = sku
        self.quantity = quantity
        self.allocations = allocations
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", line = "line"
        case reservation = "reservation", sku = "sku", quantity = "quantity", allocations = "allocations"
    }
}
