/// Command (order -> payment): the order completed; capture its authorization. Splits the amount
/// between platform, distributors, buyer rebate and suppliers and posts it to the ledger; on credit
/// it issues the invoice, due `termDays` after capture.
public struct CapturePayment: MessagePayload {
    public static let messageType = "payment.capture"
    public static let messageVersion = 1

    public let order: OrderID
    public let payer: CompanyID
    public let replyKey: String

    public init(order: OrderID, payer: CompanyID, replyKey: String) {
        self.order = order
        self.payer = payer
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", payer = "payer", replyKey = "replyKey"
    }
}
