/// Query (gateway -> payment): a payer's credit line, open invoices and received payments
/// (GET /v1/companies/{id}/payment-account). Read-only: never recorded, so it may be repeated freely.
public struct GetPaymentAccount: MessagePayload {
    public static let messageType = "payment.get-account"
    public static let messageVersion = 1

    public let payer: CompanyID
    public let replyTo: ReplyAddress

    public init(payer: CompanyID, replyTo: ReplyAddress) {
        self.payer = payer
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case payer = "payer", replyTo = "replyTo"
    }
}
