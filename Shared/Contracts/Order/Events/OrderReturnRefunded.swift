import Foundation

/// Event: payment refunded an approved return (`refunded` answer to its `payment.refund`). For a
/// credit-terms order the refund first reduces the open invoice (a credit note); see
/// `payment.refund-issued` for the exact split.
public struct OrderReturnRefunded: MessagePayload {
    public static let messageType = "order.return-refunded"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    public let returnId: String
    public let refund: String
    public let amount: Money

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, returnId: String, refund: String,
                amount: Money) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.returnId = returnId
        self.refund = refund
        self.amount = amount
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", returnId = "returnId"
        case refund = "refund", amount = "amount"
    }
}
