/// Command (order -> payment): the order was cancelled, expired or failed before completion.
/// Releases reserved credit; money already paid for the order becomes the payer's credit balance.
public struct VoidAuthorization: MessagePayload {
    public static let messageType = "payment.void"
    public static let messageVersion = 1

    public let order: OrderID
    public let payer: CompanyID
    public let reason: String
    public let replyKey: String

    public init(order: OrderID, payer: CompanyID, reason: String, replyKey: String) {
        self.order = order
        self.payer = payer
        self.reason = reason
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", payer = "payer", reason = "reason", replyKey = "replyKey"
    }
}
