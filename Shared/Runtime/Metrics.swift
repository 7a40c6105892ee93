import Synchronization

/// A monotonically increasing count, e.g. messages consumed.
public final class Counter: Sendable {
    private let count = Atomic<Int64>(0)
    public func increment(by amount: Int64 = 1) { count.add(amount, ordering: .relaxed) }
    public var value: Int64 { count.load(ordering: .relaxed) }
}

/// A value that goes up and down, e.g. consumer lag or open connections.
public final class Gauge: Sendable {
    private let current = Atomic<Int64>(0)
    public func set(_ value: Int64) { current.store(value, ordering: .relaxed) }
    public func add(_ delta: Int64) { current.add(delta, ordering: .relaxed) }
    public var value: Int64 { current.load(ordering: .relaxed) }
}

/// Cumulative histogram with fixed upper bounds (in seconds for latencies), as Prometheus expects.
public final class Histogram: Sendable {
    public let upperBounds: [Double]
    private let state: Locked<(buckets: [Int64], sum: Double, count: Int64)>

    init(upperBounds: [Double]) {
        self.upperBounds = upperBounds.sorted()
        state = Locked((buckets: Array(repeating: 0, count: upperBounds.count), sum: 0, count: 0))
    }

    public func observe(_ value: Double) {
        let index = upperBounds.firstIndex { value <= $0 }
        state.withLock { state in
            if let index { state.buckets[index] += 1 }
            state.sum += value
            state.count += 1
        }
    }

    /// Times `body` and records its duration in seconds.
    public func time<T>(_ body: () async throws -> T) async rethrows -> T {
        let start = ContinuousClock.now
        defer { observe((ContinuousClock.now - start).seconds) }
        return try await body()
    }

    var snapshot: (buckets: [Int64], sum: Double, count: Int64) { state.withLock { $0 } }

    /// Latency buckets from 0.5 ms to 10 s.
    public static let latencyBuckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
}

extension Duration {
    /// The duration as floating-point seconds (for metrics and logs only, never for money).
    public var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
