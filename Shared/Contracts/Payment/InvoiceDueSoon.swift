import Foundation

/// Event: an unpaid invoice's due date comes within `withinDays` days (a reminder window: 7, 3 or
/// 1). One per invoice and window; when the timer finds several windows reached at once (a payer
/// whose invoice was issued with a short term), only the nearest is announced.
public struct InvoiceDueSoon: MessagePayload {
    public static let messageType = "payment.invoice-due-soon"
    public static let messageVersion = 1

    /// The command this event answers; payment remembers it to recognise a repeat.
    public let commandId: MessageID
    public let payer: CompanyID
    public let order: OrderID
    /// What is still unpaid.
    public let outstanding: Money
    public let dueAt: Date
    /// The reminder window reached.
    public let withinDays: Int

    public init(commandId: MessageID, payer: CompanyID, order: OrderID, outstanding: Money, dueAt: Date, withinDays: Int) {
        self.commandId = commandId
        self.payer = payer
        self.order = order
        self.outstanding = outstanding
        self.dueAt = dueAt
        self.withinDays = withinDays
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", payer = "payer", order = "order", outstanding = "outstanding", dueAt = "dueAt"
        case withinDays = "withinDays"
    }
}
