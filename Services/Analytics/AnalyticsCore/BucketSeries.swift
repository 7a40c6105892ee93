import Contracts
import Foundation

/// Tallies per fixed-width time bucket (minute, hour, day), keyed by the bucket's start in Unix
/// seconds, keeping only about the last `keep` buckets.
///
/// Why pruning cannot change what a snapshot shows: buckets are dropped only when they start before
/// `keep - 1` widths ahead of the *watermark* (the latest event time seen), and a snapshot shows the
/// `keep` buckets ending at `asOf`. The service's clock is never behind the events it has read, so
/// `asOf >= watermark`, and a dropped bucket is one no snapshot would show anyway, whatever order the
/// partitions were read in.
struct BucketSeries: Sendable, Hashable, Codable {
    let width: Int64
    let offset: Int64
    let keep: Int
    private(set) var buckets: [Int64: Tally] = [:]

    init(width: Int64, offset: Int64, keep: Int) {
        self.width = width
        self.offset = offset
        self.keep = keep
    }

    /// The start (Unix seconds) of the bucket holding `date`. Days start at midnight in the calendar
    /// `offset` seconds east of UTC.
    func start(of date: Date) -> Int64 {
        let seconds = Int64((date.timeIntervalSince1970).rounded(.down))
        let shifted = seconds + offset
        let floor = shifted >= 0 ? shifted / width : -((-shifted + width - 1) / width)
        return floor * width - offset
    }

    mutating func add(_ tally: Tally, at date: Date, watermark: Date) {
        buckets[start(of: date), default: Tally()].add(tally)
        // Prune in batches (a quarter of `keep` past the bound) so it costs O(1) per event on average.
        if buckets.count > keep + keep / 4 + 4 {
            let oldestKept = start(of: watermark) - Int64(keep - 1) * width
            buckets = buckets.filter { $0.key >= oldestKept }
        }
    }

    /// The non-empty buckets of the `count` buckets ending with the one holding `asOf`, oldest first.
    func window(endingAt asOf: Date, count: Int) -> [(start: Int64, tally: Tally)] {
        let last = start(of: asOf)
        let first = last - Int64(count - 1) * width
        return buckets.filter { $0.key >= first && $0.key <= last }.sorted { $0.key < $1.key }
            .map { (start: $0.key, tally: $0.value) }
    }

    func bucket(start: Int64) -> AnalyticsBucket? {
        buckets[start].map {
            AnalyticsBucket(start: Date(timeIntervalSince1970: TimeInterval(start)), gmv: $0.gmv.list,
                            orders: $0.orders, units: $0.units)
        }
    }
}
