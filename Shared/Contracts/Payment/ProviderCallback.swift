/// Command (gateway -> payment): a payment provider's webhook, after the gateway checked its
/// signature. A success pays the order (or its invoice); a failure is recorded and the order stays
/// unpaid, so the buyer can try again until the order expires.
public struct ProviderCallback: MessagePayload {
    public static let messageType = "payment.provider-callback"
    public static let messageVersion = 1

    public let payer: CompanyID
    public let order: OrderID
    /// The provider's id of the payment; a success with an id already recorded is a duplicate.
    public let providerPaymentId: String
    public let amount: Money
    public let status: ProviderPaymentStatus
    /// The provider's words for a failure, e.g. "card declined".
    public let failureReason: String?

    public init(payer: CompanyID, order: OrderID, providerPaymentId: String, amount: Money,
                status: ProviderPaymentStatus, failureReason: String? = nil) {
        self.payer = payer
        self.order = order
        self.providerPaymentId = providerPaymentId
        self.amount = amount
        self.status = status
        self.failureReason = failureReason
    }

    private enum CodingKeys: String, CodingKey {
        case payer = "payer", order = "order", providerPaymentId = "providerPaymentId", amount = "amount"
        case status = "status", failureReason = "failureReason"
    }
}
