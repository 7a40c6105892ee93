/// Command (order saga): hold `quantity` units of `sku` for one order line, all or nothing.
///
/// Sent by order to `inventory.commands.v1` keyed by the SKU. Inventory answers every reserve with a
/// `StockReservationResult` on `order.commands.v1` keyed by `replyKey` (the buyer company), and
/// publishes `stock-reserved` or `reservation-rejected` on `inventory.events.v1`.
public struct ReserveStock: MessagePayload {
    public static let messageType = "inventory.reserve-stock"
    public static let messageVersion = 1

    /// One reservation per order line: `"<orderId>-L<n>"`. Release and commit name it.
    public let reservation: String
    public let order: OrderID
    public let buyer: CompanyID
    public let sku: SKU
    /// The SKU's supplier, whose warehouse regions apply. Nil in commands sent before regions were
    /// kept per supplier: then only regions set for every supplier apply.
    public let supplier: CompanyID?
    /// Units to hold; 1...1,000,000,000. Never partially reserved.
    public let quantity: Int64
    /// The delivery region of the buyer: warehouses in this region are preferred. Nil or blank: no preference.
    public let region: String?
    /// The key of the reply on `order.commands.v1` (the buyer company id).
    public let replyKey: String

    public init(reservation: String, order: OrderID, buyer: CompanyID, sku: SKU, supplier: CompanyID?, quantity: Int64,
                region: String?, replyKey: String) {
        self.reservation = reservation
        self.order = order
        self.buyer = buyer
        self.sku = sku
        self.supplier = supplier
        self.quantity = quantity
        self.region = region
        self.replyKey = replyKey
    }

    private enum CodingKeys: String, CodingKey {
        case reservation = "reservation", order = "order", buyer = "buyer", sku = "sku", supplier = "supplier", quantity = "quantity"
        case region = "region", replyKey = "replyKey"
    }
}
