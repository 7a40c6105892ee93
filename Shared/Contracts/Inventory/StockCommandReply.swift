/// The answer to a stock command (receipt, adjustment, safety stock) that carried a `replyTo`
/// address, produced to the asking gateway instance's partition of the replies topic. It repeats
/// what the command's event on `inventory.events.v1` says, so a supplier hears at once whether a
/// correction was applied or refused (and why) instead of a 202 and silence.
public struct StockCommandReply: MessagePayload, Hashable {
    public static let messageType = "inventory.stock-command-reply"
    public static let messageVersion = 1

    public enum Outcome: String, Codable, Sendable, Hashable, CaseIterable, WireEnumeration {
        /// Applied: `onHand` (of the warehouse, for receipts and adjustments) and `available` are after it.
        case recorded = "recorded"
        /// Refused: `code`, `field` and `reason` say why; nothing changed.
        case rejected = "rejected"
        /// A command with this id was handled before (a retry under the same `Idempotency-Key`);
        /// its outcome was answered then and is on `inventory.events.v1`.
        case duplicate = "duplicate"
    }

    /// The gateway's request id, copied from `replyTo.requestId`.
    public let requestId: String
    public let commandId: MessageID
    public let sku: SKU
    public let warehouse: WarehouseID?
    public let outcome: Outcome
    public let onHand: Int64?
    public let available: Int64?
    public let code: RejectionCode?
    public let field: String?
    public let reason: String?

    public init(requestId: String, commandId: MessageID, sku: SKU, warehouse: WarehouseID?, outcome: Outcome,
                onHand: Int64? = nil, available: Int64? = nil, code: RejectionCode? = nil, field: String? = nil,
                reason: String? = nil) {
        self.requestId = requestId
        self.commandId = commandId
        self.sku = sku
        self.warehouse = warehouse
        self.outcome = outcome
        self.onHand = onHand
        self.available = available
        self.code = code
        self.field = field
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case requestId = "requestId", commandId = "commandId", sku = "sku", warehouse = "warehouse"
        case outcome = "outcome", onHand = "onHand", available = "available", code = "code", field = "field"
        case reason = "reason"
    }
}

extension StockCommandReply: SingleMessageFamily {}
