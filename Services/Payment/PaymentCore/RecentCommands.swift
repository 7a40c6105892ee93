import Contracts

/// The ids of the last `limit` commands handled for one payer, each with the replies it caused,
/// oldest forgotten first: a repeated command is recognised and its replies sent again.
///
/// Why a bound: ids would otherwise accumulate forever. Why it is safe: repeats come from crash
/// replay (seconds of input) and client retries (minutes); a repeat is recognised as long as
/// fewer than `limit` other commands of the same payer came in between. The window is part of
/// the folded state, so every instance that restores it agrees. (The same ring as inventory's
/// `RecentCommandIDs`, plus the replies; both belong in a shared module.)
struct RecentCommands: Sendable {
    let limit: Int
    private var ring: [MessageID] = []
    private var oldest = 0
    private var replies: [MessageID: [PaymentReply]] = [:]

    init(limit: Int) {
        precondition(limit > 0, "RecentCommands needs room for at least one id")
        self.limit = limit
    }

    var count: Int { ring.count }

    func contains(_ id: MessageID) -> Bool { replies[id] != nil }

    /// The replies the command caused, in order; empty when it caused none (or is forgotten).
    func replies(for id: MessageID) -> [PaymentReply] { replies[id] ?? [] }

    /// Remembers `id` (forgetting the oldest when full) and adds `reply` unless already there,
    /// so remembering the same event twice changes nothing.
    mutating func remember(_ id: MessageID, reply: PaymentReply?) {
        if replies[id] == nil {
            if ring.count < limit {
                ring.append(id)
            } else {
                replies.removeValue(forKey: ring[oldest])
                ring[oldest] = id
                oldest = (oldest + 1) % limit
            }
            replies[id] = []
        }
        if let reply, replies[id]?.contains(reply) == false {
            replies[id]?.append(reply)
        }
    }

    /// Oldest first.
    var inOrder: [MessageID] { Array(ring[oldest...] + ring[..<oldest]) }
}

/// Equal when they remember the same ids with the same replies in the same order, however the
/// ring is laid out (a restored checkpoint starts at slot 0).
extension RecentCommands: Equatable {
    static func == (lhs: RecentCommands, rhs: RecentCommands) -> Bool {
        lhs.limit == rhs.limit && lhs.inOrder == rhs.inOrder && lhs.replies == rhs.replies
    }
}

extension RecentCommands: Codable {
    private enum CodingKeys: String, CodingKey { case limit, commands }

    private struct Entry: Codable {
        let id: MessageID
        let replies: [PaymentReply]
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let limit = try container.decode(Int.self, forKey: .limit)
        guard limit > 0 else {
            throw DecodingError.dataCorruptedError(forKey: .limit, in: container, debugDescription: "limit must be positive")
        }
        self.init(limit: limit)
        for entry in try container.decode([Entry].self, forKey: .commands) {
            remember(entry.id, reply: nil)
            for reply in entry.replies { remember(entry.id, reply: reply) }
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(limit, forKey: .limit)
        try container.encode(inOrder.map { Entry(id: $0, replies: replies(for: $0)) }, forKey: .commands)
    }
}
