import Foundation

/// Event: every sub-order was delivered; capture of `amount` was requested (payment then splits
/// the settlement between platform, suppliers and distributors).
public struct OrderCompleted: MessagePayload {
    public static let messageType = "order.completed"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    public let amount: Money

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, amount: Money) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.amount = amount
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", amount = "amount"
    }
}
