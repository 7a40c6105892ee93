/// Command (gateway or shipment relay → order): a shipped sub-order arrived. When every sub-order
/// has arrived the order completes and payment is captured.
public struct ConfirmDelivery: MessagePayload {
    public static let messageType = "order.confirm-delivery"
    public static let messageVersion = 1

    public let order: OrderID
    public let buyer: CompanyID
    public let subOrder: String
    public let replyTo: ReplyAddress?

    public init(order: OrderID, buyer: CompanyID, subOrder: String, replyTo: ReplyAddress? = nil) {
        self.order = order
        self.buyer = buyer
        self.subOrder = subOrder
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", buyer = "buyer", subOrder = "subOrder", replyTo = "replyTo"
    }
}
