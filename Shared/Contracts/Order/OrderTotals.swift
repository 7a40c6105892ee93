/// Counts and amount of an order or a sub-order.
public struct OrderTotals: Codable, Sendable, Hashable {
    public let lineCount: Int
    /// Units over all lines.
    public let quantity: Int64
    public let amount: Money

    public init(lineCount: Int, quantity: Int64, amount: Money) {
        self.lineCount = lineCount
        self.quantity = quantity
        self.amount = amount
    }

    private enum CodingKeys: String, CodingKey {
        case lineCount = "lineCount", quantity = "quantity", amount = "amount"
    }
}
