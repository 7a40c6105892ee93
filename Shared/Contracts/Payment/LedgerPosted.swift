/// Event: a balanced double-entry posting (its entries add up to zero in every currency). The
/// ledger of a payer partition is the fold of these.
public struct LedgerPosted: MessagePayload {
    public static let messageType = "payment.ledger-posted"
    public static let messageVersion = 1

    /// The command this event answers; payment remembers it to recognise a repeat.
    public let commandId: MessageID
    public let payer: CompanyID
    public let posting: LedgerPosting

    public init(commandId: MessageID, payer: CompanyID, posting: LedgerPosting) {
        self.commandId = commandId
        self.payer = payer
        self.posting = posting
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", payer = "payer", posting = "posting"
    }
}
