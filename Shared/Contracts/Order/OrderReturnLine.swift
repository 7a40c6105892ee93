/// One line of a return as the order recorded it: the order line it returns, the units, the
/// buyer's reason, and its value at the unit price of the order (the price snapshot taken when the
/// order was placed).
public struct OrderReturnLine: Codable, Sendable, Hashable {
    /// The order line id ("<order>-L<n>").
    public let line: String
    public let sku: SKU
    public let quantity: Int64
    public let reason: String
    public let unitPrice: Money
    /// unitPrice × quantity: what this line adds to the return's refund.
    public let amount: Money

    public init(line: String, sku: SKU, quantity: Int64, reason: String, unitPrice: Money, amount: Money) {
        self.line = line
        self.sku = sku
        self.quantity = quantity
        self.reason = reason
        self.unitPrice = unitPrice
        self.amount = amount
    }

    private enum CodingKeys: String, CodingKey {
        case line = "line", sku = "sku", quantity = "quantity", reason = "reason", unitPrice = "unitPrice"
        case amount = "amount"
    }
}
