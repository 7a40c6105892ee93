import Contracts

/// The ids of the last `limit` commands handled for one buyer company, oldest forgotten first,
/// with the rejection each refused one got (so a repeat is answered the same way).
///
/// Why a bound: ids would accumulate forever otherwise. Why it is safe: a command is repeated by
/// crash replay (input after the last committed offset: seconds of traffic), or by a client retry
/// through the gateway (seconds to minutes); a repeat is recognised as long as fewer than `limit`
/// other commands of the same buyer were handled in between. Beyond the window the order's own
/// state still guards the important cases: a `PlaceOrder` for an existing order id or idempotency
/// key never places twice, and a result for an already resolved reservation or payment step is a
/// duplicate. State is a pure fold of events, so the window is the same on every instance.
///
/// (InventoryCore's `RecentCommandIDs` is the same ring without rejections; both should move to a
/// shared module when the integrator merges the cores.)
struct ProcessedCommands: Sendable {
    struct StoredRejection: Codable, Sendable, Equatable {
        let code: RejectionCode
        let field: String?
        let message: String
    }

    let limit: Int
    private var ring: [MessageID] = []
    private var oldest = 0
    private var members: Set<MessageID> = []
    private var rejections: [MessageID: StoredRejection] = [:]

    init(limit: Int) {
        precondition(limit > 0, "ProcessedCommands needs room for at least one id")
        self.limit = limit
    }

    var count: Int { ring.count }

    func contains(_ id: MessageID) -> Bool { members.contains(id) }

    func rejection(of id: MessageID) -> StoredRejection? { rejections[id] }

    /// Remembers `id` (and its rejection), forgetting the oldest when full. A remembered id is
    /// left as it is.
    mutating func insert(_ id: MessageID, rejection: StoredRejection? = nil) {
        guard !members.contains(id) else { return }
        if ring.count < limit {
            ring.append(id)
        } else {
            let forgotten = ring[oldest]
            members.remove(forgotten)
            rejections[forgotten] = nil
            ring[oldest] = id
            oldest = (oldest + 1) % limit
        }
        members.insert(id)
        if let rejection { rejections[id] = rejection }
    }

    /// Oldest first.
    var inOrder: [MessageID] { Array(ring[oldest...] + ring[..<oldest]) }
}

extension ProcessedCommands: Equatable {
    static func == (lhs: ProcessedCommands, rhs: ProcessedCommands) -> Bool {
        lhs.limit == rhs.limit && lhs.inOrder == rhs.inOrder && lhs.rejections == rhs.rejections
    }
}

extension ProcessedCommands: Codable {
    private enum CodingKeys: String, CodingKey { case limit, ids, rejections }

    private struct Entry: Codable {
        let id: MessageID
        let rejection: StoredRejection
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let limit = try container.decode(Int.self, forKey: .limit)
        guard limit > 0 else {
            throw DecodingError.dataCorruptedError(forKey: .limit, in: container, debugDescription: "limit must be positive")
        }
        self.init(limit: limit)
        let stored = try container.decode([Entry].self, forKey: .rejections)
        let byId = Dictionary(stored.map { ($0.id, $0.rejection) }, uniquingKeysWith: { first, _ in first })
        for id in try container.decode([MessageID].self, forKey: .ids) { insert(id, rejection: byId[id]) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(limit, forKey: .limit)
        try container.encode(inOrder, forKey: .ids)
        let entries = inOrder.compactMap { id in rejections[id].map { Entry(id: id, rejection: $0) } }
        try container.encode(entries, forKey: .rejections)
    }
}
