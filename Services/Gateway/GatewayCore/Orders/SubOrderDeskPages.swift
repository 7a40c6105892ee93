import Contracts

/// Paging a supplier's or distributor's desk across the order partitions (GET /v1/sub-orders).
///
/// Every partition holds part of a desk, in its own order. A page asks each partition for up to
/// `limit` sub-orders below its own cursor and takes the newest `limit` of all the answers, one
/// partition's answers always in that partition's order. The next cursor is one position per
/// partition, so no sub-order is skipped or shown twice however the partitions' clocks and
/// sizes differ. On the wire it is the positions joined by dots ("41.0.17.3.0.0.8.2"), opaque
/// to clients.
public enum SubOrderDeskPages {
    public struct InvalidCursor: Error, Equatable {
        public let reason: String
    }

    /// The positions to ask each of `partitions` partitions below; nil: from the newest.
    public static func positions(from cursor: String?, partitions: Int) throws(InvalidCursor) -> [Int?] {
        guard let cursor else { return Array(repeating: nil, count: partitions) }
        let fields = cursor.split(separator: ".", omittingEmptySubsequences: false)
        guard fields.count == partitions else {
            throw InvalidCursor(reason: "not a cursor of this list (it has \(fields.count) parts, the platform \(partitions) partitions); ask without before to start again")
        }
        return try fields.map { field throws(InvalidCursor) -> Int? in
            guard field.count <= 18, field.allSatisfy(\.isASCII), let position = Int(field), position >= 0 else {
                throw InvalidCursor(reason: "not a cursor of this list (\"\(field.prefix(20))\" is not a position); ask without before to start again")
            }
            return position
        }
    }

    /// The page of `parts` (one per partition, in partition order) and the cursor of the next
    /// page, nil when every partition's desk is exhausted.
    public static func page(of parts: [SubOrderDeskPart], limit: Int) -> SubOrderPage {
        var taken = Array(repeating: 0, count: parts.count)
        var items: [SubOrderListItem] = []
        while items.count < limit {
            var newest: Int?
            for index in parts.indices where taken[index] < parts[index].entries.count {
                let candidate = parts[index].entries[taken[index]].item
                if let best = newest, !isNewer(candidate, than: parts[best].entries[taken[best]].item) { continue }
                newest = index
            }
            guard let newest else { break }
            items.append(parts[newest].entries[taken[newest]].item)
            taken[newest] += 1
        }
        // A partition whose answers were not all taken goes on from its first one left; one whose
        // answers were, from where it stopped looking.
        let next = parts.indices.map { index in
            taken[index] < parts[index].entries.count ? parts[index].entries[taken[index]].position + 1
                                                      : parts[index].scannedTo
        }
        let cursor = next.allSatisfy { $0 == 0 } ? nil : next.map(String.init).joined(separator: ".")
        return SubOrderPage(subOrders: items, nextBefore: cursor)
    }

    /// Newest confirmed first; ties by order and sub-order id, so a page is the same every time.
    private static func isNewer(_ item: SubOrderListItem, than other: SubOrderListItem) -> Bool {
        if item.confirmedAt != other.confirmedAt { return item.confirmedAt > other.confirmedAt }
        if item.order != other.order { return item.order.rawValue > other.order.rawValue }
        return item.subOrder > other.subOrder
    }
}
