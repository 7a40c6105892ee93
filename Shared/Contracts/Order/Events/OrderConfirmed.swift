import Foundation

/// Event: stock is reserved and the money secured (credit authorized or payment received): the
/// suppliers may ship. `committed` lists the reservations committed now (empty when the order
/// policy commits stock at shipment instead).
public struct OrderConfirmed: MessagePayload {
    public static let messageType = "order.confirmed"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    /// `authorized` (credit) or `paid`.
    public let payment: OrderPaymentStatus
    public let amount: Money
    public let committed: [String]

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, payment: OrderPaymentStatus,
                amount: Money, committed: [String]) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.payment = payment
        self.amount = amount
        self.committed = committed
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", payment = "payment"
        case amount = "amount", committed = "committed"
    }
}
