import Contracts

/// Which orders inventory has answered a reservation for (granted or refused), per SKU, as far as
/// the gateway's replica of `inventory.events.v1` has read.
///
/// Why: once a SKU is sold out (秒杀 over) the gateway answers new orders for it at once, but a
/// client retrying with its `Idempotency-Key` must get back the order it placed. Asking the order
/// service for every sold-out attempt cost a Kafka round trip each (the flash sale's largest cost:
/// ~19 of every 20 attempts). An order that exists and holds a line of the SKU has that line
/// answered by inventory (both outcomes are events naming the order), so an order missing here
/// cannot hold the SKU; the gateway asks the order service only for orders found here, or placed
/// recently through this instance (`RecentOrders`: their reservation may still be on its way).
///
/// Orders are kept as 64-bit fingerprints: a collision only makes the gateway ask, never answer
/// wrongly. Memory is bounded: a SKU with more answered lines than `perSKU` is no longer tracked,
/// and every sold-out attempt on it asks (as before). When all SKUs together pass `total`, the
/// SKUs with the most lines are dropped until a tenth of the budget is free again: best-sellers
/// with deep stock fill the budget, while a flash sale is usually a new SKU with a few thousand
/// lines at most, which must keep its place.
public struct DecidedReservations: Sendable {
    public struct Limits: Sendable, Equatable {
        public var perSKU: Int
        public var total: Int

        public init(perSKU: Int = 50_000, total: Int = 2_000_000) {
            self.perSKU = perSKU
            self.total = total
        }
    }

    public let limits: Limits
    private var fingerprints: [SKU: Set<Int>] = [:]
    private var untracked: Set<SKU> = []
    /// Fingerprints held across all SKUs.
    public private(set) var count = 0

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Notes that inventory answered a reservation of `order` for `sku`.
    public mutating func record(order: OrderID, sku: SKU) {
        guard !untracked.contains(sku) else { return }
        var orders = fingerprints.removeValue(forKey: sku) ?? []
        let (inserted, _) = orders.insert(Self.fingerprint(order))
        if inserted { count += 1 }
        guard orders.count <= limits.perSKU else {
            count -= orders.count
            untracked.insert(sku)
            return
        }
        fingerprints[sku] = orders
        if count > limits.total { dropLargest(until: limits.total - limits.total / 10) }
    }

    /// Stops tracking the SKUs with the most fingerprints until at most `target` are held.
    private mutating func dropLargest(until target: Int) {
        let bySize = fingerprints.map { (sku: $0.key, size: $0.value.count) }.sorted { $0.size > $1.size }
        for (sku, size) in bySize where count > target {
            fingerprints[sku] = nil
            untracked.insert(sku)
            count -= size
        }
    }

    /// False only when `sku` is tracked and inventory has answered no reservation of `order` for it.
    public func mayHaveAnswered(order: OrderID, sku: SKU) -> Bool {
        if untracked.contains(sku) { return true }
        return fingerprints[sku]?.contains(Self.fingerprint(order)) ?? false
    }

    /// Whether `sku` is no longer tracked (its sold-out attempts all ask the order service).
    public func isUntracked(_ sku: SKU) -> Bool { untracked.contains(sku) }

    static func fingerprint(_ order: OrderID) -> Int { order.rawValue.hashValue }
}
