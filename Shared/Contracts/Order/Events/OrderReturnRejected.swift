import Foundation

/// Event: the supplier rejected a return, with a comment the buyer reads. Its units can be asked
/// for again in a new return.
public struct OrderReturnRejected: MessagePayload {
    public static let messageType = "order.return-rejected"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    public let returnId: String
    public let supplier: CompanyID
    public let decidedBy: UserID
    public let comment: String

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, returnId: String,
                supplier: CompanyID, decidedBy: UserID, comment: String) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.returnId = returnId
        self.supplier = supplier
        self.decidedBy = decidedBy
        self.comment = comment
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", returnId = "returnId"
        case supplier = "supplier", decidedBy = "decidedBy", comment = "comment"
    }
}
