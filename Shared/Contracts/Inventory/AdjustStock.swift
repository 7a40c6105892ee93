/// Command: correct the on-hand quantity of a SKU in a warehouse by `delta` (stock count, damage,
/// shrinkage, found goods). Refused if it would take on-hand below zero.
public struct AdjustStock: MessagePayload {
    public static let messageType = "inventory.adjust-stock"
    public static let messageVersion = 1

    public let sku: SKU
    public let warehouse: WarehouseID
    /// Signed change; non-zero and at most 1,000,000,000 either way.
    public let delta: Int64
    /// Why, in words, e.g. "cycle count 2026-11"; required for audit.
    public let reason: String
    /// Where to answer (the asking gateway instance), when the sender waits for the outcome; the
    /// outcome is published on `inventory.events.v1` either way.
    public let replyTo: ReplyAddress?

    public init(sku: SKU, warehouse: WarehouseID, delta: Int64, reason: String, replyTo: ReplyAddress? = nil) {
        self.sku = sku
        self.warehouse = warehouse
        self.delta = delta
        self.reason = reason
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case sku = "sku", warehouse = "warehouse", delta = "delta", reason = "reason", replyTo = "replyTo"
    }
}
