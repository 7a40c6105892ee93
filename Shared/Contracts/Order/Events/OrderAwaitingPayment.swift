import Foundation

/// Event: payment waits for the buyer's money (prepayment or bank transfer quoting `reference`),
/// until `dueBy`; after that the order expires.
public struct OrderAwaitingPayment: MessagePayload {
    public static let messageType = "order.awaiting-payment"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    public let method: PaymentMethod
    /// What the buyer quotes with the transfer (from payment).
    public let reference: String
    public let amount: Money
    public let dueBy: Date

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, method: PaymentMethod,
                reference: String, amount: Money, dueBy: Date) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.method = method
        self.reference = reference
        self.amount = amount
        self.dueBy = WireTimestamp.roundedToMilliseconds(dueBy)
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", method = "method"
        case reference = "reference", amount = "amount", dueBy = "dueBy"
    }
}
