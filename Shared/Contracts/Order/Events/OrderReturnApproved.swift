import Foundation

/// Event: the supplier approved a return. The order asked inventory to put `restock` back into
/// stock (`inventory.receive-stock`, reference "RMA <order>/<returnId>") and payment to refund
/// `amount` under refund id `refund` ("<order>-R-return-<returnId>"). `refund` is absent when the
/// returned lines had no value (nothing to refund; the return is then refunded at once).
public struct OrderReturnApproved: MessagePayload {
    public static let messageType = "order.return-approved"
    public static let messageVersion = 1

    public let commandId: MessageID
    public let order: OrderID
    public let buyer: CompanyID
    public let at: Date
    public let returnId: String
    public let supplier: CompanyID
    public let decidedBy: UserID
    public let comment: String?
    public let restock: [ReturnRestock]
    public let refund: String?
    public let amount: Money
    public let settlement: ReturnSettlement

    public init(commandId: MessageID, order: OrderID, buyer: CompanyID, at: Date, returnId: String,
                supplier: CompanyID, decidedBy: UserID, comment: String?, restock: [ReturnRestock], refund: String?,
                amount: Money, settlement: ReturnSettlement) {
        self.commandId = commandId
        self.order = order
        self.buyer = buyer
        self.at = WireTimestamp.roundedToMilliseconds(at)
        self.returnId = returnId
        self.supplier = supplier
        self.decidedBy = decidedBy
        self.comment = comment
        self.restock = restock
        self.refund = refund
        self.amount = amount
        self.settlement = settlement
    }

    private enum CodingKeys: String, CodingKey {
        case commandId = "commandId", order = "order", buyer = "buyer", at = "at", returnId = "returnId"
        case supplier = "supplier", decidedBy = "decidedBy", comment = "comment", restock = "restock"
        case refund = "refund", amount = "amount", settlement = "settlement"
    }
}
