import Foundation

/// Command (the payment service's own timer -> payment): mark the payer's invoices whose due date
/// passed before `now` as overdue. Deadlines are state, so the timer survives restarts.
public struct MarkOverdueDue: MessagePayload {
    public static let messageType = "payment.mark-overdue-due"
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
