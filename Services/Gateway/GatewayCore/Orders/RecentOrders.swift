import Contracts

/// The orders this gateway instance sent for placement most recently, first in first out.
///
/// A retry of an order whose reservation inventory has not answered yet is not in
/// `DecidedReservations`; remembering what this instance placed lets such a retry (the usual
/// case: a client retrying at once, through the same instance) still get its order back.
/// Fingerprints as in `DecidedReservations`: a collision only costs a question to the order service.
public struct RecentOrders: Sendable {
    public let capacity: Int
    private var ring: [Int] = []
    private var next = 0
    private var members: [Int: Int] = [:]

    public init(capacity: Int = 100_000) {
        precondition(capacity > 0, "RecentOrders needs room for at least one order")
        self.capacity = capacity
    }

    public mutating func insert(_ order: OrderID) {
        let fingerprint = DecidedReservations.fingerprint(order)
        if ring.count < capacity {
            ring.append(fingerprint)
        } else {
            let evicted = ring[next]
            if members[evicted] == 1 { members[evicted] = nil } else { members[evicted, default: 1] -= 1 }
            ring[next] = fingerprint
            next = (next + 1) % capacity
        }
        members[fingerprint, default: 0] += 1
    }

    public func contains(_ order: OrderID) -> Bool {
        members[DecidedReservations.fingerprint(order)] != nil
    }
}
