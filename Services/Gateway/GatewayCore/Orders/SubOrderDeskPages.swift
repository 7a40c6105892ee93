import Contracts

/// Paging a supplier's or distributor's desk across the order partitions (GET /v1/sub-orders).
///
/// Every partition holds part of a desk, in its own order. A page asks each partition for up to
/// `limit` sub-orders from its own cursor and takes the first `limit` of all the answers (newest
/// confirmed first, or oldest), one partition's answers always in that partition's order. The
/// next cursor is one position per partition, so no sub-order is skipped or shown twice however
/// the partitions' clocks and sizes differ. On the wire it is the positions joined by dots
/// ("41.0.17.3.0.0.8.2"), prefixed "o:" when oldest first; opaque to clients.
public enum SubOrderDeskPages {
    public struct InvalidCursor: Error, Equatable {
        public let reason: String
    }

    static let oldestFirstPrefix = "o:"

    /// The position to continue from in each of `partitions` partitions; nil: from the start.
    public static func positions(from cursor: String?, partitions: Int,
                                 oldestFirst: Bool = false) throws(InvalidCursor) -> [Int?] {
        guard let cursor else { return Array(repeating: nil, count: partitions) }
        let startOver = "ask without before to start again"
        guard cursor.hasPrefix(oldestFirstPrefix) == oldestFirst else {
            throw InvalidCursor(reason: "a cursor of the list in the other order (sort); \(startOver)")
        }
        let fields = cursor.dropFirst(oldestFirst ? oldestFirstPrefix.count : 0).split(separator: ".", omittingEmptySubsequences: false)
        guard fields.count == partitions else {
            throw InvalidCursor(reason: "not a cursor of this list (it has \(fields.count) parts, the platform \(partitions) partitions); \(startOver)")
        }
        return try fields.map { field throws(InvalidCursor) -> Int? in
            guard field.count <= 18, field.allSatisfy(\.isASCII), let position = Int(field), position >= 0 else {
                throw InvalidCursor(reason: "not a cursor of this list (\"\(field.prefix(20))\" is not a position); \(startOver)")
            }
            return position
        }
    }

    /// The page of `parts` (one per partition, in partition order) and the cursor of the next
    /// page: nil when every partition's desk is exhausted (oldest first: read to its current end;
    /// that page instead carries the cursor of what is confirmed after it, `resumeBefore`).
    public static func page(of parts: [SubOrderDeskPart], limit: Int, oldestFirst: Bool = false) -> SubOrderPage {
        var taken = Array(repeating: 0, count: parts.count)
        var items: [SubOrderListItem] = []
        while items.count < limit {
            var first: Int?
            for index in parts.indices where taken[index] < parts[index].entries.count {
                let candidate = parts[index].entries[taken[index]].item
                if let best = first, !comesFirst(candidate, before: parts[best].entries[taken[best]].item, oldestFirst) { continue }
                first = index
            }
            guard let first else { break }
            items.append(parts[first].entries[taken[first]].item)
            taken[first] += 1
        }
        // A partition whose answers were not all taken goes on from its first one left; one whose
        // answers were, from where it stopped looking.
        let next = parts.indices.map { index in
            guard taken[index] < parts[index].entries.count else { return parts[index].scannedTo }
            let position = parts[index].entries[taken[index]].position
            return oldestFirst ? position : position + 1
        }
        let done = parts.indices.allSatisfy { index in
            taken[index] == parts[index].entries.count && (oldestFirst ? parts[index].reachedEnd == true : next[index] == 0)
        }
        let cursor = (oldestFirst ? oldestFirstPrefix : "") + next.map(String.init).joined(separator: ".")
        // Desks only grow at their newest end, so oldest first the end reached now is where the
        // sub-orders confirmed later will start.
        return SubOrderPage(subOrders: items, nextBefore: done ? nil : cursor, resumeBefore: done && oldestFirst ? cursor : nil)
    }

    /// Newest (or oldest) confirmed first; ties by order and sub-order id, so a page is the same every time.
    private static func comesFirst(_ item: SubOrderListItem, before other: SubOrderListItem, _ oldestFirst: Bool) -> Bool {
        if item.confirmedAt != other.confirmedAt { return (item.confirmedAt > other.confirmedAt) != oldestFirst }
        if item.order != other.order { return (item.order.rawValue > other.order.rawValue) != oldestFirst }
        return (item.subOrder > other.subOrder) != oldestFirst
    }
}
