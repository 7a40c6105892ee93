import Foundation

/// Event: a captured credit order became an invoice the payer must pay by `dueAt` (capture + termDays).
/// The invoice reference is the order id. Money the payer sent quoting the order before the invoice
/// existed (held as its credit balance) pays it at once (`paidFromBalance`).
public struct InvoiceIssued: MessagePayload {
    public static let messageType = "payment.invoice-issued"
    public static let messageVersion = 1

    /// The command this event answers; payment remembers it to recognise a repeat.
    public let commandId: MessageID
    public let payer: CompanyID
    public let order: OrderID
    public let amount: Money
    public let issuedAt: Date
    public let dueAt: Date
    public let termDays: Int
    /// Paid at issue from money the payer sent for the order before it was invoiced; omitted when none.
    public let paidFromBalance: Money?

    public init(commandId: MessageID, payer: CompanyID, order: OrderID, amount: Money, issuedAt: Date, dueAt: Date,
                termDays: Int, paidFromBalance: Money? = nil) {
        self.commandId = commandId
        self.payer = payer
        self.order = order
        self.amount = amount
        self.issuedAt = issuedAt
        self.dueAt = dueAt
        self.termDays = termDays
        self.paidFromBalance = paidFromBalance
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", payer = "payer", order = "order", amount = "amount", issuedAt = "issuedAt"
        case dueAt = "dueAt", termDays = "termDays", paidFromBalance = "paidFromBalance"
    }
}
