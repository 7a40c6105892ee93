/// The last `limit` keys remembered, oldest forgotten first: a ring plus a set for lookups.
/// Used for recently handled command ids (`RecentCommandIDs`) and for finished reservations.
public struct RecentKeys<Key: Hashable & Codable & Sendable>: Sendable {
    public let limit: Int
    /// A ring: once full, `oldest` points at the slot to overwrite next.
    private var ring: [Key] = []
    private var oldest = 0
    private var members: Set<Key> = []

    public init(limit: Int) {
        precondition(limit > 0, "RecentKeys needs room for at least one key")
        self.limit = limit
    }

    public var count: Int { ring.count }

    public func contains(_ key: Key) -> Bool { members.contains(key) }

    /// Remembers `key`, forgetting the oldest key when full, and returns the key forgotten (so a
    /// caller can drop what it kept alongside). Inserting a remembered key changes nothing.
    @discardableResult
    public mutating func insert(_ key: Key) -> Key? {
        guard !members.contains(key) else { return nil }
        var forgotten: Key?
        if ring.count < limit {
            ring.append(key)
        } else {
            forgotten = ring[oldest]
            members.remove(ring[oldest])
            ring[oldest] = key
            oldest = (oldest + 1) % limit
        }
        members.insert(key)
        return forgotten
    }

    /// Oldest first.
    public var inOrder: [Key] { Array(ring[oldest...] + ring[..<oldest]) }
}

/// Equal when they remember the same keys in the same order, however the ring is laid out
/// (a restored snapshot starts its ring at slot 0).
extension RecentKeys: Equatable {
    public static func == (lhs: RecentKeys, rhs: RecentKeys) -> Bool {
        lhs.limit == rhs.limit && lhs.inOrder == rhs.inOrder
    }
}

extension RecentKeys: Codable {
    private enum CodingKeys: String, CodingKey { case limit, ids }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let limit = try container.decode(Int.self, forKey: .limit)
        guard limit > 0 else {
            throw DecodingError.dataCorruptedError(forKey: .limit, in: container, debugDescription: "limit must be positive")
        }
        self.init(limit: limit)
        for key in try container.decode([Key].self, forKey: .ids) { insert(key) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(limit, forKey: .limit)
        try container.encode(inOrder, forKey: .ids)
    }
}
