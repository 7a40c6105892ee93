import Foundation

/// Event: a supplier shipped its sub-order. `committed` lists the reservations committed now
/// (when the order policy commits stock at shipment; otherwise empty).
public struct OrderSubOrderShipped: MessagePayload {
    public static let messageType = "order.sub-order-shipped"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    public let subOrder: String
    public let supplier: CompanyID
    public let carrier: String
    public let trackingNumber: String
    public let committed: [String]

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, subOrder: String,
                supplier: CompanyID, carrier: String, trackingNumber: String, committed: [String]) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.subOrder = subOrder
        self.supplier = supplier
        self.carrier = carrier
        self.trackingNumber = trackingNumber
        self.committed = committed
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", subOrder = "subOrder"
        case supplier = "supplier", carrier = "carrier", trackingNumber = "trackingNumber", committed = "committed"
    }
}
