import Foundation

/// Event: an invoice passed its due date unpaid. Until it is paid, the payer's new credit
/// authorizations are refused ("credit-frozen").
public struct InvoiceOverdue: MessagePayload {
    public static let messageType = "payment.invoice-overdue"
    public static let messageVersion = 1

    /// The command this event answers; payment remembers it to recognise a repeat.
    public let commandId: MessageID
    public let payer: CompanyID
    public let order: OrderID
    /// What is still unpaid.
    public let outstanding: Money
    public let dueAt: Date

    public init(commandId: MessageID, payer: CompanyID, order: OrderID, outstanding: Money, dueAt: Date) {
        self.commandId = commandId
        self.payer = payer
        self.order = order
        self.outstanding = outstanding
        self.dueAt = dueAt
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", payer = "payer", order = "order", outstanding = "outstanding", dueAt = "dueAt"
    }
}
