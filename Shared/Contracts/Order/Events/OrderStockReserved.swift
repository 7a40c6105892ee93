import Foundation

/// Event: every line of the order is reserved; payment authorization of `amount` was requested.
public struct OrderStockReserved: MessagePayload {
    public static let messageType = "order.stock-reserved"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    /// The amount whose authorization was requested (the order total).
    public let amount: Money
    public let paymentMethod: PaymentMethod

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, amount: Money,
                paymentMethod: PaymentMethod) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.amount = amount
        self.paymentMethod = paymentMethod
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", amount = "amount"
        case paymentMethod = "paymentMethod"
    }
}
