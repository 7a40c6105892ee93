/// Command (bank statement import -> payment): money arrived by bank transfer. Reconciled (对账)
/// by `reference` (the order id, which is also the invoice reference) and amount: exact, partial,
/// over, or unmatched; the same `bankTransactionId` again is a duplicate and changes nothing.
public struct RecordBankTransfer: MessagePayload {
    public static let messageType = "payment.record-bank-transfer"
    public static let messageVersion = 1

    public let payer: CompanyID
    /// What the payer wrote as the transfer's purpose; an order id to match.
    public let reference: String
    public let amount: Money
    /// The bank's id of the transaction, unique per bank account; at most 128 characters.
    public let bankTransactionId: String

    public init(payer: CompanyID, reference: String, amount: Money, bankTransactionId: String) {
        self.payer = payer
        self.reference = reference
        self.amount = amount
        self.bankTransactionId = bankTransactionId
    }

    private enum CodingKeys: String, CodingKey {
        case payer = "payer", reference = "reference", amount = "amount", bankTransactionId = "bankTransactionId"
    }
}
