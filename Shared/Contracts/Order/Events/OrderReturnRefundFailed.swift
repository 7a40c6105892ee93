import Foundation

/// Event: payment refused the refund of an approved return (`rejected` answer to its
/// `payment.refund`). The returned units are back in stock; the money needs a person (finance).
public struct OrderReturnRefundFailed: MessagePayload {
    public static let messageType = "order.return-refund-failed"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    public let returnId: String
    public let refund: String
    /// Payment's code, e.g. "refund-exceeds-captured", "not-captured".
    public let code: RejectionCode
    public let reason: String

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, returnId: String, refund: String,
                code: RejectionCode, reason: String) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.returnId = returnId
        self.refund = refund
        self.code = code
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", returnId = "returnId"
        case refund = "refund", code = "code", reason = "reason"
    }
}
