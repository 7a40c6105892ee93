import Foundation

/// Command (the payment service's own timer -> payment): remind the payer of its unpaid invoices
/// whose due date comes within a reminder window (7, 3 and 1 days before it) at `now`, once per
/// window. Payment keeps which window each invoice was reminded for, so reminders survive restarts
/// and never depend on how many invoices are open.
public struct RemindInvoicesDue: MessagePayload {
    public static let messageType = "payment.remind-invoices-due"
    public static let messageVersion = 1

    public let payer: CompanyID
    /// The timer's clock when it fired; the decision uses it, not the handling time.
    public let now: Date

    public init(payer: CompanyID, now: Date) {
        self.payer = payer
        self.now = now
    }

    private enum CodingKeys: String, CodingKey {
        case payer = "payer", now = "now"
    }
}
