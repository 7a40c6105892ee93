import Contracts
import Foundation

/// What the order service knows for the buyers of one partition of `order.commands.v1`: orders by
/// id, idempotency keys, approval rules per buyer, recently handled command ids per buyer (bounded,
/// see `ProcessedCommands`) and the open orders' expiry deadlines.
///
/// A pure fold of `order.events.v1` (`apply`), and `Codable` for local checkpoints (encode it with
/// `WireFormat.encodeValue`).
public struct OrderState: Sendable, Equatable, Codable {
    /// Default for `rememberedCommandsPerBuyer`: ~100 bytes per id, so at most ~100 KB for a buyer
    /// that has sent that many commands.
    public static let defaultRememberedCommandsPerBuyer = 1_000

    public let rememberedCommandsPerBuyer: Int
    var orders = OrderTable()
    var buyers: [CompanyID: BuyerBook] = [:]
    /// Each supplier's and distributor's confirmed sub-orders on this partition (see `DeskEntry`).
    var desks: [CompanyID: [DeskEntry]] = [:]

    public init(rememberedCommandsPerBuyer: Int = OrderState.defaultRememberedCommandsPerBuyer) {
        precondition(rememberedCommandsPerBuyer > 0, "must remember at least one command per buyer")
        self.rememberedCommandsPerBuyer = rememberedCommandsPerBuyer
    }

    private enum CodingKeys: String, CodingKey {
        case rememberedCommandsPerBuyer, orders, buyers, desks
    }

    /// A checkpoint decodes every copy of an order id as a string of its own; the desks then take
    /// the orders table's, so a restored partition holds no more memory than the live one. A
    /// checkpoint written before there were desks has its desks rebuilt from the orders it holds,
    /// so an upgrade resumes from it instead of folding `order.events.v1` from the start.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rememberedCommandsPerBuyer = try container.decode(Int.self, forKey: .rememberedCommandsPerBuyer)
        orders = try container.decode(OrderTable.self, forKey: .orders)
        buyers = try container.decode([CompanyID: BuyerBook].self, forKey: .buyers)
        guard let decodedDesks = try container.decodeIfPresent([CompanyID: [DeskEntry]].self, forKey: .desks) else {
            desks = Self.desks(rebuiltFrom: orders)
            return
        }
        desks = decodedDesks.mapValues { [orders] desk in
            desk.map { DeskEntry(order: orders.storedKey(equalTo: $0.order) ?? $0.order, part: $0.part, status: $0.status) }
        }
    }

    /// The public view of an order of `buyer`; nil when the buyer has no such order.
    public func summary(of order: OrderID, buyer: CompanyID) -> OrderSummary? {
        record(order, of: buyer)?.summary
    }

    /// The status of an order, whoever its buyer.
    public func status(of order: OrderID) -> OrderStatus? {
        orders.summary(of: order)
    }

    /// How many orders are held, and how many of them packed (see `OrderTable`).
    public var orderCounts: (held: Int, packed: Int) { (orders.count, orders.packedCount) }

    /// The buyer's orders, oldest first.
    public func orderIDs(of buyer: CompanyID) -> [OrderID] {
        buyers[buyer]?.orderIDs ?? []
    }

    public func approvalRules(of buyer: CompanyID) -> [ApprovalRule] {
        buyers[buyer]?.approvalRules ?? []
    }

    /// The order an idempotency key of `buyer` placed.
    public func order(forIdempotencyKey key: String, buyer: CompanyID) -> OrderID? {
        buyers[buyer]?.idempotencyKeys[key]
    }

    /// True when a command with this id was handled for `buyer` recently enough to be remembered.
    public func hasHandled(_ commandId: MessageID, buyer: CompanyID) -> Bool {
        buyers[buyer]?.recentCommands.contains(commandId) ?? false
    }

    /// The earliest deadline of any open order, so the service's timer knows when to wake up.
    public var nextDeadline: Date? {
        buyers.values.compactMap { $0.deadlines.values.min() }.min()
    }

    /// Buyers with an order whose deadline is at or before `now`, sorted: send each an
    /// `order.expire-due` with this `now`.
    public func buyersWithDueOrders(at now: Date) -> [CompanyID] {
        buyers.filter { $0.value.deadlines.values.contains { $0 <= now } }.keys.sorted()
    }

    /// Deadlines of the buyer's open orders that are at or before `now`, earliest first (ties by id).
    func dueOrders(of buyer: CompanyID, at now: Date) -> [OrderID] {
        (buyers[buyer]?.deadlines ?? [:]).filter { $0.value <= now }
            .sorted { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }
            .map(\.key)
    }

    func record(_ order: OrderID, of buyer: CompanyID) -> OrderRecord? {
        guard let record = orders[order], record.buyer == buyer else { return nil }
        return record
    }
}
