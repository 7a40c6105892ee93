import Foundation

/// One row of a supplier's or distributor's order desk (GET /v1/sub-orders): enough to pick,
/// pack and label it (the delivery address is here, so a page is a batch of shipping slips);
/// its lines are at `GET /v1/orders/{order}/sub-orders/{subOrder}?buyer={buyer}`.
public struct SubOrderListItem: Codable, Sendable, Hashable {
    public let order: OrderID
    public let buyer: CompanyID
    public let subOrder: String
    public let supplier: CompanyID
    public let orderStatus: OrderStatus
    public let status: SubOrderStatus
    public let placedAt: Date
    /// When the order was confirmed: from then on the supplier may ship it.
    public let confirmedAt: Date
    public let poNumber: String?
    public let deliveryAddress: Address
    /// The lines the viewer takes part in (a distributor: those its shop sold).
    public let totals: OrderTotals
    public let shipment: OrderSummary.Shipment?
    public let deliveredAt: Date?
    /// The lines the viewer takes part in, when the desk was asked for them (`lines=true`).
    public let lines: [Line]?

    /// One line as a warehouse picks it: what, how many, at what price, from where.
    public struct Line: Codable, Sendable, Hashable {
        public let line: String
        public let sku: SKU
        public let product: ProductID
        public let distributor: CompanyID?
        public let quantity: Int64
        public let unitPrice: Money
        public let lineTotal: Money
        /// The warehouses the reserved units are in.
        public let allocations: [Allocation]

        public init(_ line: OrderSummary.Line) {
            self.line = line.line
            sku = line.sku
            product = line.product
            distributor = line.distributor
            quantity = line.quantity
            unitPrice = line.unitPrice
            lineTotal = line.lineTotal
            allocations = line.allocations
        }

        private enum CodingKeys: String, CodingKey {
            case line = "line", sku = "sku", product = "product", distributor = "distributor", quantity = "quantity"
            case unitPrice = "unitPrice", lineTotal = "lineTotal", allocations = "allocations"
        }
    }

    /// The most lines one partition's answer carries (each ~250 bytes encoded: ~500 KB, within
    /// one Kafka message); a part always holds at least one sub-order, and an order at most 1,000 lines.
    public static let maximumLinesPerPart = 2_000

    public init(_ detail: SubOrderDetail, confirmedAt: Date, withLines: Bool = false) {
        order = detail.order
        buyer = detail.buyer
        subOrder = detail.subOrder
        supplier = detail.supplier
        orderStatus = detail.orderStatus
        status = detail.status
        placedAt = detail.placedAt
        self.confirmedAt = WireTimestamp.roundedToMilliseconds(confirmedAt)
        poNumber = detail.poNumber
        deliveryAddress = detail.deliveryAddress
        totals = detail.totals
        shipment = detail.shipment
        deliveredAt = detail.deliveredAt
        lines = withLines ? detail.lines.map(Line.init) : nil
    }

    private enum CodingKeys: String, CodingKey {
        case order = "order", buyer = "buyer", subOrder = "subOrder", supplier = "supplier"
        case orderStatus = "orderStatus", status = "status", placedAt = "placedAt", confirmedAt = "confirmedAt"
        case poNumber = "poNumber", deliveryAddress = "deliveryAddress", totals = "totals", shipment = "shipment"
        case deliveredAt = "deliveredAt", lines = "lines"
    }
}

/// One order partition's answer to `order.list-sub-orders`: matching sub-orders in the order asked
/// (newest or oldest first), each with its desk position, and how far the partition looked.
public struct SubOrderDeskPart: Codable, Sendable, Hashable {
    public struct Entry: Codable, Sendable, Hashable {
        /// Position on the partition's desk of the company: ask `before` it for older ones.
        public let position: Int
        public let item: SubOrderListItem

        public init(position: Int, item: SubOrderListItem) {
            self.position = position
            self.item = item
        }

        private enum CodingKeys: String, CodingKey { case position = "position", item = "item" }
    }

    public let entries: [Entry]
    /// Newest first: every position at or above this one was looked at (below the query's
    /// `before`): continue before it; 0 when the desk has nothing older. Oldest first: every
    /// position below it was looked at (from the query's `from`): continue from it.
    public let scannedTo: Int
    /// Oldest first: the look reached the desk's newest entry (more may be confirmed later).
    public let reachedEnd: Bool?

    public init(entries: [Entry], scannedTo: Int, reachedEnd: Bool? = nil) {
        self.entries = entries
        self.scannedTo = scannedTo
        self.reachedEnd = reachedEnd
    }

    private enum CodingKeys: String, CodingKey {
        case entries = "entries", scannedTo = "scannedTo", reachedEnd = "reachedEnd"
    }
}

/// A page of a supplier's or distributor's order desk, newest (or oldest) confirmed first. Ask for
/// the next page with `before=nextBefore` (and the same filters and sort); absent on the last page.
/// A page may hold fewer sub-orders than asked for and still have a next one (each page looks at a
/// bounded number).
public struct SubOrderPage: Codable, Sendable, Hashable {
    public let subOrders: [SubOrderListItem]
    public let nextBefore: String?
    /// Oldest first, on the last page only: the cursor to ask with later (as `before`, same filters)
    /// for just the sub-orders confirmed since, so a warehouse polling for new work reads each once.
    public let resumeBefore: String?

    public init(subOrders: [SubOrderListItem], nextBefore: String?, resumeBefore: String? = nil) {
        self.subOrders = subOrders
        self.nextBefore = nextBefore
        self.resumeBefore = resumeBefore
    }

    private enum CodingKeys: String, CodingKey {
        case subOrders = "subOrders", nextBefore = "nextBefore", resumeBefore = "resumeBefore"
    }
}
