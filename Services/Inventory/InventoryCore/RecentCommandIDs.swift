import Contracts

/// The ids of the last `limit` commands handled for one SKU, oldest forgotten first.
///
/// Why a bound: ids accumulate forever otherwise (every SKU, every command, for years). Why this is
/// safe: a command is repeated by crash replay (input after the last committed offset: seconds of
/// traffic), by the inbound relay re-sending, or by a client retry through the gateway (seconds to
/// minutes). A repeat is recognised as long as fewer than `limit` other commands for the same SKU
/// were handled in between. State is a pure fold of events, so the window is identical on every
/// instance that restores it.
public struct RecentCommandIDs: Sendable {
    public let limit: Int
    /// A ring: once full, `oldest` points at the slot to overwrite next.
    private var ring: [MessageID] = []
    private var oldest = 0
    private var members: Set<MessageID> = []

    public init(limit: Int) {
        precondition(limit > 0, "RecentCommandIDs needs room for at least one id")
        self.limit = limit
    }

    public var count: Int { ring.count }

    public func contains(_ id: MessageID) -> Bool { members.contains(id) }

    /// Remembers `id`, forgetting the oldest id when full. Inserting a remembered id changes nothing.
    public mutating func insert(_ id: MessageID) {
        guard !members.contains(id) else { return }
        if ring.count < limit {
            ring.append(id)
        } else {
            members.remove(ring[oldest])
            ring[oldest] = id
            oldest = (oldest + 1) % limit
        }
        members.insert(id)
    }

    /// Oldest first.
    public var inOrder: [MessageID] { Array(ring[oldest...] + ring[..<oldest]) }
}

/// Equal when they remember the same ids in the same order, however the ring is laid out
/// (a restored snapshot starts its ring at slot 0).
extension RecentCommandIDs: Equatable {
    public static func == (lhs: RecentCommandIDs, rhs: RecentCommandIDs) -> Bool {
        lhs.limit == rhs.limit && lhs.inOrder == rhs.inOrder
    }
}

extension RecentCommandIDs: Codable {
    private enum CodingKeys: String, CodingKey { case limit, ids }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let limit = try container.decode(Int.self, forKey: .limit)
        guard limit > 0 else {
            throw DecodingError.dataCorruptedError(forKey: .limit, in: container, debugDescription: "limit must be positive")
        }
        self.init(limit: limit)
        for id in try container.decode([MessageID].self, forKey: .ids) { insert(id) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(limit, forKey: .limit)
        try container.encode(inOrder, forKey: .ids)
    }
}
