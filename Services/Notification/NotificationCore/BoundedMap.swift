/// A dictionary that forgets its oldest keys (by first insertion) beyond `limit`: the router's
/// memory stays bounded however long the service runs.
struct BoundedMap<Key: Hashable & Codable & Sendable, Value: Codable & Sendable & Equatable>: Sendable, Equatable, Codable {
    let limit: Int
    private(set) var values: [Key: Value] = [:]
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
        // Keys removed explicitly stay in `order` until they reach the head; compact now and then.
        if head > limit {
            order = order[head...].filter { values[$0] != nil }
            head = 0
        }
    }
}
