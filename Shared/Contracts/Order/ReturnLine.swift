/// One line of a return request (`order.request-return`): how many units of a delivered SKU the
/// buyer sends back, and why.
public struct ReturnLine: Codable, Sendable, Hashable {
    public let sku: SKU
    /// Units sent back: 1 up to what was delivered minus what earlier returns (pending or approved)
    /// already claim.
    public let quantity: Int64
    /// Why, in the buyer's words (damaged, wrong item, ...); required, at most 500 characters.
    public let reason: String

    public init(sku: SKU, quantity: Int64, reason: String) {
        self.sku = sku
        self.quantity = quantity
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case sku = "sku", quantity = "quantity", reason = "reason"
    }
}
