/// Command (order -> payment): sub-orders of a confirmed credit order were cancelled before they
/// shipped. The credit reserved for them is available again at once, instead of when the rest of
/// the order completes (the order is still captured whole then, and the cancelled parts refunded
/// against the invoice). Only credit is released part by part; money paid in advance for a
/// cancelled part is refunded when the order completes. Payment does not answer it: a refusal is a
/// `payment.command-rejected` event.
public struct ReleaseCredit: MessagePayload {
    public static let messageType = "payment.release-credit"
    public static let messageVersion = 1

    public let order: OrderID
    public let payer: CompanyID
    /// The cancelled sub-orders; payment releases the settlement lines it holds for them.
    public let subOrders: [String]
    public let reason: String

    public init(order: OrderID, payer: CompanyID, subOrders: [String], reason: String) {
        self.order = order
        self.payer = payer
        self.subOrders = subOrders
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", payer = "payer", subOrders = "subOrders", reason = "reason"
    }
}
