import Contracts
import Foundation

/// How much of each audited topic was read from a partial partition, in words for the report.
extension AuditInput {
    /// Partitions per audited topic: the declared count, or more if records came from more.
    var partitionCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for topic in Self.topics { counts[topic.name] = topic.partitions }
        for key in windows.windows.keys {
            counts[key.topic] = max(counts[key.topic] ?? 0, Int(key.partition) + 1)
        }
        return counts
    }

    /// "2 of 24 inventory.events.v1 partitions partial", or nil when every partition of the
    /// topics is complete.
    func partialNote(_ topics: [String]) -> String? {
        let counts = partitionCounts
        let partial = topics.reduce(0) { $0 + windows.partial(in: $1).count }
        guard partial > 0 else { return nil }
        let total = topics.reduce(0) { $0 + (counts[$1] ?? 0) }
        let names = topics.count == 1 ? topics[0] : "event"
        return "\(partial) of \(total) \(names) partitions partial"
    }

    /// True when `order`'s payment facts may have been deleted with the start of a partial
    /// payment partition: the order was placed before that partition's retained window began.
    /// Payments are keyed by payer, not by order, so this takes the latest window start of any
    /// partial payment partition: it never accuses, at the price of excusing some orders whose
    /// payer's partition was complete.
    func paymentsMayPredateWindow(_ track: OrderTrack) -> Bool {
        guard let since = windows.retainedSince(in: Topics.paymentEvents.name) else { return false }
        return track.placedAt < since
    }
}
