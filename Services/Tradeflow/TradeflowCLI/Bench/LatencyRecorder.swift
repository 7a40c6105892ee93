import Foundation

/// Latencies of one kind of request, kept in full (benchmarks are bounded in count), with the
/// percentiles the reports print.
struct LatencyRecorder: Sendable {
    private(set) var samples: [Double] = []   // seconds
    private(set) var statuses: [Int: Int] = [:]
    private(set) var errors: [String: Int] = [:]

    mutating func record(seconds: Double, status: Int) {
        samples.append(seconds)
        statuses[status, default: 0] += 1
    }

    mutating func recordError(_ kind: String) { errors[kind, default: 0] += 1 }

    mutating func merge(_ other: LatencyRecorder) {
        samples += other.samples
        statuses.merge(other.statuses, uniquingKeysWith: +)
        errors.merge(other.errors, uniquingKeysWith: +)
    }

    struct Summary: Codable, Sendable {
        let count: Int
        let perSecond: Double
        let p50Ms: Double
        let p90Ms: Double
        let p99Ms: Double
        let maxMs: Double
        let statuses: [String: Int]
        let errors: [String: Int]
    }

    func summary(over seconds: Double) -> Summary {
        let sorted = samples.sorted()
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let index = min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)
            return sorted[max(0, index)] * 1000
        }
        return Summary(count: sorted.count, perSecond: seconds > 0 ? Double(sorted.count) / seconds : 0,
                       p50Ms: percentile(0.50), p90Ms: percentile(0.90), p99Ms: percentile(0.99),
                       maxMs: (sorted.last ?? 0) * 1000,
                       statuses: Dictionary(uniqueKeysWithValues: statuses.map { (String($0.key), $0.value) }),
                       errors: errors)
    }
}
