/// A dictionary that forgets its oldest keys (by insertion) beyond `limit`: the router's memory
/// stays bounded however long the service runs.
struct BoundedMap<Key: Hashable & Codable & Sendable, Value: Codable & Sendable & Equatable>: Sendable, Equatable, Codable {
    let limit: Int
    private(set) var values: [Key: Value] = [:]
    /// Keys in insertion order from `head` on; a key removed explicitly (an order that ended)
    /// stays here until it reaches the head or the next insertion compacts it away.
    private var order: [Key] = []
    private var head = 0

    init(limit: Int) {
        precondition(limit > 0, "BoundedMap needs room for at least one key")
        self.limit = limit
    }

    subscript(key: Key) -> Value? {
        get { values[key] }
        set {
            guard let newValue else {
                values.removeValue(forKey: key)
                return
            }
            if values.updateValue(newValue, forKey: key) == nil {
                order.append(key)
                evict()
            }
        }
    }

    var count: Int { values.count }

    private mutating func evict() {
        while values.count > limit, head < order.count {
            values.removeValue(forKey: order[head])
            head += 1
        }
        compactIfMostlyRemoved()
    }

    /// Without this, a map whose keys mostly leave explicitly (orders end long before `limit`
    /// is reached) kept every key it ever held in `order`: memory growing with every order
    /// relayed, and carried into every checkpoint. Compacting once the removed keys are more than
    /// half of `order` keeps it within twice the live keys, at amortised constant cost.
    private mutating func compactIfMostlyRemoved() {
        let kept = order.count - head
        guard kept > 64, kept > 2 * values.count else { return }
        // A key removed and added again appears twice; its place is its latest insertion.
        var seen = Set<Key>()
        var compacted: [Key] = []
        compacted.reserveCapacity(values.count)
        for key in order[head...].reversed() where values[key] != nil && seen.insert(key).inserted {
            compacted.append(key)
        }
        order = compacted.reversed()
        head = 0
    }

    /// Keys held in the insertion order (for tests of the bound).
    var orderLength: Int { order.count - head }
}
