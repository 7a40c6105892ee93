import Foundation

/// Event: a payment reply that does not move the order's status was recorded: `voided`,
/// `captured`, `refunded`, or money that arrived (`paid`) after the order had ended, in which case
/// `refund` names the refund the order asked for.
public struct OrderPaymentRecorded: MessagePayload {
    public static let messageType = "order.payment-recorded"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    public let outcome: PaymentResult.Outcome
    public let refund: String?

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, outcome: PaymentResult.Outcome,
                refund: String? = nil) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.outcome = outcome
        self.refund = refund
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", outcome = "outcome"
        case refund = "refund"
    }
}
