/// Command (gateway → order): a buyer places an order of priced lines (at most 1,000).
///
/// The order service validates it, splits it into one sub-order per supplier, totals it, applies
/// the buyer's approval rules, then asks for approval or starts reserving stock. A repeat with the
/// same `idempotencyKey` for the same buyer answers with the existing order instead of placing a
/// second one.
public struct PlaceOrder: MessagePayload {
    public static let messageType = "order.place"
    public static let messageVersion = 1

    /// Chosen by the gateway; at most 64 characters so every derived id stays short.
    public let order: OrderID
    public let buyer: CompanyID
    /// The user who placed it.
    public let placedBy: UserID
    /// The client's key for safe retries (e.g. the `Idempotency-Key` header), 1...128 characters.
    public let idempotencyKey: String?
    public let lines: [PricedLine]
    public let deliveryAddress: Address
    public let paymentMethod: PaymentMethod
    /// The buyer's purchase-order number, for its ERP.
    public let poNumber: String?
    public let note: String?
    public let replyTo: ReplyAddress?

    public init(order: OrderID, buyer: CompanyID, placedBy: UserID, idempotencyKey: String? = nil,
                lines: [PricedLine], deliveryAddress: Address, paymentMethod: PaymentMethod,
                poNumber: String? = nil, note: String? = nil, replyTo: ReplyAddress? = nil) {
        self.order = order
        self.buyer = buyer
        self.placedBy = placedBy
        self.idempotencyKey = idempotencyKey
        self.lines = lines
        self.deliveryAddress = deliveryAddress
        self.paymentMethod = paymentMethod
        self.poNumber = poNumber
        self.note = note
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", buyer = "buyer", placedBy = "placedBy", idempotencyKey = "idempotencyKey"
        case lines = "lines", deliveryAddress = "deliveryAddress", paymentMethod = "paymentMethod"
        case poNumber = "poNumber", note = "note", replyTo = "replyTo"
    }
}
