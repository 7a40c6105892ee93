import Foundation

/// Event: the order's approval or payment deadline passed. `expiredIn` says which wait it was in
/// (`pending-approval`, or `reserving-stock` / `awaiting-payment` for the payment deadline).
public struct OrderExpired: MessagePayload {
    public static let messageType = "order.expired"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    public let expiredIn: OrderStatus
    public let deadline: Date
    public let reason: String
    public let released: [String]
    public let payment: OrderPaymentCompensation?

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, expiredIn: OrderStatus,
                deadline: Date, reason: String, released: [String], payment: OrderPaymentCompensation?) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.expiredIn = expiredIn
        self.deadline = WireTimestamp.roundedToMilliseconds(deadline)
        self.reason = reason
        self.released = released
        self.payment = payment
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", expiredIn = "expiredIn"
        case deadline = "deadline", reason = "reason", released = "released", payment = "payment"
    }
}
