/// What a placement asks for, as compared when it is sent again under the same Idempotency-Key:
/// the same request answers with the order it placed; anything else is a different order, which
/// needs a new key. Prices are left out: a retry may be priced again after a price change and
/// still mean the same order. The order service compares commands with its records, the gateway
/// compares requests with order summaries when it cannot price a retry any more (sold out,
/// discontinued), and both must agree.
public struct PlacementRequest: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public let sku: SKU
        public let quantity: Int64
        /// The distributor's shop the line is bought from, if any.
        public let distributor: CompanyID?

        public init(sku: SKU, quantity: Int64, distributor: CompanyID?) {
            self.sku = sku
            self.quantity = quantity
            self.distributor = distributor
        }
    }

    public let lines: [Line]
    public let paymentMethod: PaymentMethod
    public let deliveryAddress: Address
    public let poNumber: String?
    public let note: String?

    public init(lines: [Line], paymentMethod: PaymentMethod, deliveryAddress: Address, poNumber: String?, note: String?) {
        self.lines = lines
        self.paymentMethod = paymentMethod
        self.deliveryAddress = deliveryAddress
        self.poNumber = poNumber
        self.note = note
    }

    /// How this request asks for something other than `placed`, in words that follow "the order,
    /// which" ("has other lines or quantities"); nil when it is the same request.
    public func difference(from placed: PlacementRequest) -> String? {
        if lines != placed.lines { return "has other lines or quantities" }
        if paymentMethod != placed.paymentMethod {
            return "is paid by \(placed.paymentMethod.rawValue), not \(paymentMethod.rawValue)"
        }
        if deliveryAddress != placed.deliveryAddress { return "goes to another delivery address" }
        if poNumber != placed.poNumber { return "has another PO number" }
        if note != placed.note { return "has another note" }
        return nil
    }

    /// The refusal's words for a key used for `order` that differs as `difference` says.
    public static func keyReused(_ key: String, order: OrderID, difference: String) -> String {
        "Idempotency-Key \(key) was used for order \(order), which \(difference); a different order needs a new key"
    }
}

extension PlacementRequest {
    /// What a placed order's summary asked for.
    public init(_ summary: OrderSummary) {
        self.init(lines: summary.lines.map { Line(sku: $0.sku, quantity: $0.quantity, distributor: $0.distributor) },
                  paymentMethod: summary.payment.method, deliveryAddress: summary.deliveryAddress,
                  poNumber: summary.poNumber, note: summary.note)
    }

    /// What a place command asks for.
    public init(_ command: PlaceOrder) {
        self.init(lines: command.lines.map { Line(sku: $0.sku, quantity: $0.quantity, distributor: $0.distributor) },
                  paymentMethod: command.paymentMethod, deliveryAddress: command.deliveryAddress,
                  poNumber: command.poNumber, note: command.note)
    }
}
