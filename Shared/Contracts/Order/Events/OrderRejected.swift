import Foundation

/// Event: the order was rejected and will not be fulfilled. `reason` is for the buyer, e.g.
/// "SKU LJ-250G (line O-1-L2): 40 available, 100 ordered". `released` lists the reservations
/// given back; `sku` and `available` are set when stock was the cause.
public struct OrderRejected: MessagePayload {
    public static let messageType = "order.rejected"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    /// e.g. "insufficient-stock", "unknown-sku", "credit-limit-exceeded", "approval-rejected".
    public let code: RejectionCode
    public let reason: String
    public let sku: SKU?
    public let available: Int64?
    public let released: [String]

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, code: RejectionCode,
                reason: String, sku: SKU? = nil, available: Int64? = nil, released: [String]) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.code = code
        self.reason = reason
        self.sku = sku
        self.available = available
        self.released = released
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", code = "code"
        case reason = "reason", sku = "sku", available = "available", released = "released"
    }
}
