import Foundation

/// Event: the buyer asked to return units of a completed order (RMA); the return's supplier decides
/// it. `amount` is the value of the lines at the order's unit prices: what approval refunds.
public struct OrderReturnRequested: MessagePayload {
    public static let messageType = "order.return-requested"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    public let returnId: String
    /// The supplier of every line, who approves or rejects the return.
    public let supplier: CompanyID
    public let requestedBy: UserID
    public let lines: [OrderReturnLine]
    public let amount: Money

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, returnId: String,
                supplier: CompanyID, requestedBy: UserID, lines: [OrderReturnLine], amount: Money) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.returnId = returnId
        self.supplier = supplier
        self.requestedBy = requestedBy
        self.lines = lines
        self.amount = amount
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", returnId = "returnId"
        case supplier = "supplier", requestedBy = "requestedBy", lines = "lines", amount = "amount"
    }
}
