import Foundation

/// Event: an order was captured on completion. The settlement split and the ledger posting follow
/// (and, on credit, the invoice).
public struct PaymentCaptured: MessagePayload {
    public static let messageType = "payment.payment-captured"
    public static let messageVersion = 1

    /// The command this event answers; payment remembers it to recognise a repeat.
    public let commandId: MessageID
    public let payer: CompanyID
    public let order: OrderID
    public let amount: Money
    public let method: PaymentMethod
    public let capturedAt: Date
    /// On credit: when the invoice issued for the order falls due.
    public let invoiceDueAt: Date?
    /// Where the answer to the order service went (`order.commands.v1` key).
    public let replyKey: String

    public init(commandId: MessageID, payer: CompanyID, order: OrderID, amount: Money, method: PaymentMethod,
                capturedAt: Date, invoiceDueAt: Date?, replyKey: String) {
        self.commandId = commandId
        self.payer = payer
        self.order = order
        self.amount = amount
        self.method = method
        self.capturedAt = capturedAt
        self.invoiceDueAt = invoiceDueAt
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", payer = "payer", order = "order", amount = "amount", method = "method"
        case capturedAt = "capturedAt", invoiceDueAt = "invoiceDueAt", replyKey = "replyKey"
    }
}
