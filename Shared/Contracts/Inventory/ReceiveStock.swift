/// Command: goods arrived in a warehouse (an ASN or purchase order was received).
/// Creates the warehouse's stock record for the SKU if there is none yet.
public struct ReceiveStock: MessagePayload {
    public static let messageType = "inventory.receive-stock"
    public static let messageVersion = 1

    public let sku: SKU
    public let warehouse: WarehouseID
    /// Units received; must be 1...1,000,000,000 (checked by the inventory decider, which answers
    /// with a rejection event rather than a decode failure so the sender learns why).
    public let quantity: Int64
    /// The sender's document number, e.g. "ASN-2026-0042" or a PO number; required for audit.
    public let reference: String
    /// Where to answer (the asking gateway instance), when the sender waits for the outcome; the
    /// outcome is published on `inventory.events.v1` either way.
    public let replyTo: ReplyAddress?

    public init(sku: SKU, warehouse: WarehouseID, quantity: Int64, reference: String, replyTo: ReplyAddress? = nil) {
        self.sku = sku
        self.warehouse = warehouse
        self.quantity = quantity
        self.reference = reference
        self.replyTo = replyTo
    }

    // Wire names written out so a Swift rename cannot change the wire.
    private enum CodingKeys: String, CodingKey {
        case sku = "sku", warehouse = "warehouse", quantity = "quantity", reference = "reference", replyTo = "replyTo"
    }
}
