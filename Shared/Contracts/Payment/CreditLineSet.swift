/// Event: a payer's credit line was granted or changed.
public struct CreditLineSet: MessagePayload {
    public static let messageType = "payment.credit-line-set"
    public static let messageVersion = 1

    /// The command this event answers; payment remembers it to recognise a repeat.
    public let commandId: MessageID
    public let payer: CompanyID
    public let limit: Money
    /// Days from capture to an invoice's due date, for invoices issued from now on.
    public let termDays: Int
    /// The company extending the credit (a supplier, or the platform operator).
    public let grantedBy: CompanyID
    /// The finance user who set it; absent for API keys.
    public let setBy: UserID?
    /// limit - reserved - outstanding right after the change; negative when the new limit
    /// is below what is already used.
    public let available: Money

    public init(commandId: MessageID, payer: CompanyID, limit: Money, termDays: Int, grantedBy: CompanyID,
                setBy: UserID?, available: Money) {
        self.commandId = commandId
        self.payer = payer
        self.limit = limit
        self.termDays = termDays
        self.grantedBy = grantedBy
        self.setBy = setBy
        self.available = available
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", payer = "payer", limit = "limit", termDays = "termDays"
        case grantedBy = "grantedBy", setBy = "setBy", available = "available"
    }
}
