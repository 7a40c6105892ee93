import Foundation

/// Event: a shipped sub-order arrived. When it is the last one, an `order.completed` follows.
public struct OrderSubOrderDelivered: MessagePayload {
    public static let messageType = "order.sub-order-delivered"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    public let subOrder: String
    public let supplier: CompanyID

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, subOrder: String,
                supplier: CompanyID) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.subOrder = subOrder
        self.supplier = supplier
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", subOrder = "subOrder"
        case supplier = "supplier"
    }
}
