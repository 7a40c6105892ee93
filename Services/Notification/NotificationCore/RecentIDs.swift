/// The last `limit` ids seen, oldest forgotten first: a bounded duplicate check whose content is
/// part of the folded state (so every instance that restores it agrees).
struct RecentIDs<ID: Hashable & Codable & Sendable>: Sendable, Equatable, Codable {
    let limit: Int
    private var ring: [ID] = []
    private var oldest = 0
    private var members: Set<ID> = []

    init(limit: Int) {
        precondition(limit > 0, "RecentIDs needs room for at least one id")
        self.limit = limit
    }

    func contains(_ id: ID) -> Bool { members.contains(id) }

    /// Remembers `id`; returns the id forgotten to make room, if any.
    @discardableResult
    mutating func remember(_ id: ID) -> ID? {
        guard !members.contains(id) else { return nil }
        members.insert(id)
        if ring.count < limit {
            ring.append(id)
            return nil
        }
        let forgotten = ring[oldest]
        members.remove(forgotten)
        ring[oldest] = id
        oldest = (oldest + 1) % limit
        return forgotten
    }

    /// Oldest first.
    var inOrder: [ID] { Array(ring[oldest...] + ring[..<oldest]) }

    static func == (lhs: RecentIDs, rhs: RecentIDs) -> Bool { lhs.limit == rhs.limit && lhs.inOrder == rhs.inOrder }

    private enum CodingKeys: String, CodingKey { case limit, ids }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let limit = try container.decode(Int.self, forKey: .limit)
        guard limit > 0 else {
            throw DecodingError.dataCorruptedError(forKey: .limit, in: container, debugDescription: "limit must be positive")
        }
        self.init(limit: limit)
        for id in try container.decode([ID].self, forKey: .ids) { remember(id) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(limit, forKey: .limit)
        try container.encode(inOrder, forKey: .ids)
    }
}
