/// Event: the credit reserved for some sub-orders of a credit order is available again (they were
/// cancelled before shipping); the rest of the order stays reserved.
public struct CreditPartlyReleased: MessagePayload {
    public static let messageType = "payment.credit-partly-released"
    public static let messageVersion = 1

    /// The command this event answers; payment remembers it to recognise a repeat.
    public let commandId: MessageID
    public let payer: CompanyID
    public let order: OrderID
    /// The sub-orders released by this event (none of them released before).
    public let subOrders: [String]
    /// What this event released: the sum of those sub-orders' settlement lines.
    public let amount: Money
    /// Still reserved for the order after it.
    public let stillReserved: Money
    public let reason: String
    /// Credit available after the release.
    public let available: Money

    public init(commandId: MessageID, payer: CompanyID, order: OrderID, subOrders: [String], amount: Money,
                stillReserved: Money, reason: String, available: Money) {
        self.commandId = commandId
        self.payer = payer
        self.order = order
        self.subOrders = subOrders
        self.amount = amount
        self.stillReserved = stillReserved
        self.reason = reason
        self.available = available
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", payer = "payer", order = "order", subOrders = "subOrders", amount = "amount"
        case stillReserved = "stillReserved", reason = "reason", available = "available"
    }
}
