import Contracts
import Foundation
import Packing

/// The analytics fold: every event of `order.events.v1`, `inventory.events.v1` and
/// `payment.events.v1` from the beginning, in any interleaving of their partitions, folded into
/// per-company numbers. Pure and deterministic: no clock (relative windows are measured from the
/// `asOf` passed to `snapshot`), no Kafka.
///
/// Order-insensitive across partitions: each order, SKU and payer is folded from its own partition
/// in order, and what they contribute to a company is added (sums, maxima, bucketed sums), so any
/// interleaving gives the same state. Idempotent: a replayed envelope id is dropped (per-key memory,
/// `AnalyticsPolicy.rememberedEventsPerKey`), and every order stage counts once by its transition.
///
/// Memory: per company role, tallies per SKU, region, category, supplier, distributor, buyer and
/// supplier shipped; buckets bounded by the windows; per buyer (dealer) a last-order time and at
/// most `activeDays` day counts; per SKU one stock track; per open order its lines (dropped when the
/// order ends); per buyer, payer and SKU bounded id memories. All grow with the catalog and the
/// number of companies, none with the number of orders.
public struct AnalyticsState: Sendable, Codable {
    public let policy: AnalyticsPolicy
    var aggregates: [ScopeKey: ScopeAggregate] = [:]
    /// Confirmed ones packed while they wait for shipment (see `OrderTrack+Packing`).
    var openOrders = PackedTable<OrderID, OrderTrack>()
    var finishedOrders: [CompanyID: RecentMemory<OrderID, FinishedOrder>] = [:]
    var seenOrderEvents: [CompanyID: RecentMemory<MessageID, Seen>] = [:]
    var seenInventoryEvents: [SKU: RecentMemory<MessageID, Seen>] = [:]
    var seenPaymentEvents: [CompanyID: RecentMemory<MessageID, Seen>] = [:]
    var stock: [SKU: SKUStockTrack] = [:]
    /// The suppliers whose order lines named the SKU: whose stock view shows it.
    var skuSuppliers: [SKU: Set<CompanyID>] = [:]
    /// The latest order event time seen (see `BucketSeries` for why pruning follows it).
    var watermark = Date(timeIntervalSince1970: 0)
    /// Scopes whose numbers changed since the last `takeChangedScopes()`.
    public private(set) var changedScopes: Set<AnalyticsScope> = []
    /// Events that named an order analytics never saw placed (and does not remember ending):
    /// a sign of a truncated topic; counted, not fatal.
    public private(set) var unmatchedEvents: Int64 = 0

    /// What a checkpoint holds: everything but the scopes changed since the last publish (a
    /// restored state publishes every scope on its first tick anyway).
    private enum CodingKeys: String, CodingKey {
        case policy, aggregates, openOrders, finishedOrders, seenOrderEvents, seenInventoryEvents,
             seenPaymentEvents, stock, skuSuppliers, watermark, unmatchedEvents
    }

    public init(policy: AnalyticsPolicy = .standard) {
        self.policy = policy
    }

    /// The scopes that changed since the last call, sorted (platform first), and forgets them: what
    /// the service publishes a new snapshot for.
    public mutating func takeChangedScopes() -> [AnalyticsScope] {
        defer { changedScopes = [] }
        return changedScopes.sorted()
    }

    /// Every scope with any numbers, sorted: what to republish when windows move on (see NOTES).
    public var knownScopes: [AnalyticsScope] {
        Set(aggregates.keys.map(\.scope)).sorted()
    }

    /// The aggregate of `key`, created on first use and marked changed.
    mutating func withAggregate(_ key: ScopeKey, _ body: (inout ScopeAggregate) -> Void) {
        // In place through the defaulted subscript: copying the aggregate out and back would copy
        // all of its dictionaries on every event.
        body(&aggregates[key, default: ScopeAggregate(windows: policy.windows)])
        changedScopes.insert(key.scope)
    }

    mutating func markChanged(_ key: ScopeKey) {
        changedScopes.insert(key.scope)
    }

    mutating func noteUnmatched() {
        unmatchedEvents = Saturating.add(unmatchedEvents, 1)
    }
}
