/// The last `limit` keys inserted, each with a value, oldest forgotten first: the bounded memory
/// behind duplicate detection (envelope ids per partition key) and ended orders per buyer.
///
/// Kept per partition key, never globally: events of one key arrive in one order on every replay,
/// so what is remembered (and forgotten) is the same on every replay, whatever the interleaving of
/// partitions.
struct RecentMemory<Key: Hashable & Sendable, Value: Sendable & Hashable>: Sendable, Hashable {
    let limit: Int
    private var ring: [Key] = []
    private var oldest = 0
    private var values: [Key: Value] = [:]

    init(limit: Int) {
        precondition(limit > 0, "RecentMemory needs room for at least one key")
        self.limit = limit
    }

    var count: Int { ring.count }

    func contains(_ key: Key) -> Bool { values[key] != nil }

    /// The value of a remembered key; setting it for a key not remembered does nothing (use
    /// `insert`).
    subscript(key: Key) -> Value? {
        get { values[key] }
        set {
            guard values[key] != nil, let newValue else { return }
            values[key] = newValue
        }
    }

    /// Remembers `key` with `value`; false (and no change) when it is already remembered.
    @discardableResult
    mutating func insert(_ key: Key, _ value: Value) -> Bool {
        guard values[key] == nil else { return false }
        if ring.count < limit {
            ring.append(key)
        } else {
            values.removeValue(forKey: ring[oldest])
            ring[oldest] = key
            oldest = (oldest + 1) % limit
        }
        values[key] = value
        return true
    }
}

/// The value of a remembered id that carries nothing else.
struct Seen: Sendable, Hashable, Codable {}

/// Written as the ring itself (its keys, where the oldest is, each key's value in ring order), so
/// a restored memory forgets the same keys next as the one that was written.
extension RecentMemory: Codable where Key: Codable, Value: Codable {
    private enum CodingKeys: String, CodingKey { case limit, oldest, keys, values }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        limit = try container.decode(Int.self, forKey: .limit)
        ring = try container.decode([Key].self, forKey: .keys)
        oldest = try container.decode(Int.self, forKey: .oldest)
        let values = try container.decode([Value].self, forKey: .values)
        guard limit > 0, ring.count <= limit, values.count == ring.count, Set(ring).count == ring.count,
              ring.count < limit ? oldest == 0 : ring.indices.contains(oldest) else {
            throw DecodingError.dataCorruptedError(forKey: .keys, in: container,
                                                   debugDescription: "not a ring of at most \(limit) distinct keys with a value each")
        }
        self.values = Dictionary(uniqueKeysWithValues: zip(ring, values))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(limit, forKey: .limit)
        try container.encode(oldest, forKey: .oldest)
        try container.encode(ring, forKey: .keys)
        // Every ring key has a value (insert adds both, only eviction removes, from both).
        try container.encode(ring.map { values[$0]! }, forKey: .values)
    }
}
