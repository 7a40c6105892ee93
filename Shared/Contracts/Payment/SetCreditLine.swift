/// Command (gateway -> payment): grant or change a payer's credit line (账期): how much it may owe
/// at once and how many days it has to pay an invoice. Only a finance user of the granting company
/// (a supplier) or of the platform may do it; a company cannot grant itself credit.
public struct SetCreditLine: MessagePayload {
    public static let messageType = "payment.set-credit-line"
    public static let messageVersion = 1

    public let payer: CompanyID
    /// Zero or more; its currency is the currency of every credit order of the payer.
    public let limit: Money
    /// Days from capture to the invoice's due date, 0...365. Applies to invoices issued from now on.
    public let termDays: Int
    public let by: PaymentActor

    public init(payer: CompanyID, limit: Money, termDays: Int, by: PaymentActor) {
        self.payer = payer
        self.limit = limit
        self.termDays = termDays
        self.by = by
    }

    private enum CodingKeys: String, CodingKey {
        case payer = "payer", limit = "limit", termDays = "termDays", by = "by"
    }
}
