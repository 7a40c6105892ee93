/// Query (gateway → order): one partition's part of a supplier's or distributor's order desk
/// (GET /v1/sub-orders): the sub-orders it ships or sold, from the moment their order was
/// confirmed, newest first (or oldest first, to ship in order). Orders live with their buyers, so a desk spans every partition: the
/// gateway asks each one (`routingKey` is a key that lands on it) and merges the answers.
/// Read-only: never recorded.
public struct ListSubOrders: MessagePayload {
    public static let messageType = "order.list-sub-orders"
    public static let messageVersion = 1

    /// The supplier or distributor whose desk it is.
    public let company: CompanyID
    /// Only sub-orders of orders in this status (`confirmed`: not yet completed).
    public let orderStatus: OrderStatus?
    /// Only sub-orders in this fulfilment status (`open`: not shipped yet).
    public let status: SubOrderStatus?
    /// Newest first: continue below this desk position of the partition; nil: from the newest.
    public let before: Int?
    /// True: oldest first, from desk position `from` on (nil: from the oldest); `before` unused.
    public let oldestFirst: Bool?
    public let from: Int?
    /// 1...100 sub-orders.
    public let limit: Int
    /// True: each sub-order with its lines (what to pick: SKU, quantity, warehouses). A part then
    /// holds at most `SubOrderListItem.maximumLinesPerPart` lines (always one sub-order), so the
    /// answer fits one message however large the orders.
    public let withLines: Bool?
    /// The Kafka key the query was sent with: picks the partition, carries no meaning of its own.
    public let routingKey: String
    public let replyTo: ReplyAddress?

    public init(company: CompanyID, orderStatus: OrderStatus? = nil, status: SubOrderStatus? = nil, before: Int? = nil,
                oldestFirst: Bool? = nil, from: Int? = nil, limit: Int, withLines: Bool? = nil, routingKey: String,
                replyTo: ReplyAddress?) {
        self.company = company
        self.orderStatus = orderStatus
        self.status = status
        self.before = before
        self.oldestFirst = oldestFirst
        self.from = from
        self.limit = limit
        self.withLines = withLines
        self.routingKey = routingKey
        self.replyTo = replyTo
    }

    private enum CodingKeys: String, CodingKey {
        case company = "company", orderStatus = "orderStatus", status = "status", before = "before"
        case oldestFirst = "oldestFirst", from = "from"
        case limit = "limit", withLines = "withLines", routingKey = "routingKey", replyTo = "replyTo"
    }
}
