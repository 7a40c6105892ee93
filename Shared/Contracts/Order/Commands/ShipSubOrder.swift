/// Command (gateway or shipment relay → order): the supplier shipped its sub-order of a confirmed
/// order. Only the sub-order's own supplier may ship it.
public struct ShipSubOrder: MessagePayload {
    public static let messageType = "order.ship"
    public static let messageVersion = 1

    public let order: OrderID
    public let buyer: CompanyID
    public let subOrder: String
    public let carrier: String
    public let trackingNumber: String
    /// The supplier company shipping.
    public let by: CompanyID
    public let replyTo: ReplyAddress?

    public init(order: OrderID, buyer: CompanyID, subOrder: String, carrier: String, trackingNumber: String,
                by: CompanyID, replyTo: ReplyAddress? = nil) {
        self.order = order
        self.buyer = buyer
        self.subOrder = subOrder
        self.carrier = carrier
        self.trackingNumber = trackingNumber
        self.by = by
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", buyer = "buyer", subOrder = "subOrder", carrier = "carrier"
        case trackingNumber = "trackingNumber", by = "by", replyTo = "replyTo"
    }
}
