import Foundation

/// One `TokenBucket` per key (a company id for API traffic; a username or client address for
/// sign-in attempts). Each key has its own bucket, so a company that exhausts its bucket gets 429
/// while every other company is unaffected.
///
/// Memory is bounded by `maximumKeys`. A bucket that has refilled completely is equivalent to no
/// bucket, so idle buckets are forgotten at no cost (`evictIdle`, and automatically when the limit
/// is reached). If every bucket is still in use at the limit, the least recently used one is
/// forgotten, which can only grant that key a fresh burst, never deny anyone.
///
/// Pure and not thread-safe: the gateway keeps it behind a `Mutex` (one short critical section per
/// request, O(1) except when the key limit is reached, when it scans once), or one per shard of keys.
public struct RateLimiter<Key: Hashable & Sendable>: Sendable {
    public let capacity: Int
    public let refillPerSecond: Double
    public let maximumKeys: Int
    private var buckets: [Key: TokenBucket] = [:]

    public init(capacity: Int, refillPerSecond: Double, maximumKeys: Int = 10_000) {
        precondition(maximumKeys >= 1, "rate limiter needs room for at least one key")
        // Validates capacity and rate once, at configuration time.
        _ = TokenBucket(capacity: capacity, refillPerSecond: refillPerSecond, now: Date(timeIntervalSince1970: 0))
        self.capacity = capacity
        self.refillPerSecond = refillPerSecond
        self.maximumKeys = maximumKeys
    }

    /// Takes one request's token from `key`'s bucket.
    public mutating func take(_ key: Key, now: Date) -> RateLimitDecision {
        if var bucket = buckets[key] {
            let decision = bucket.take(now: now)
            buckets[key] = bucket
            return decision
        }
        if buckets.count >= maximumKeys { makeRoom(now: now) }
        var bucket = TokenBucket(capacity: capacity, refillPerSecond: refillPerSecond, now: now)
        let decision = bucket.take(now: now)
        buckets[key] = bucket
        return decision
    }

    /// Forgets every bucket that is full again; returns how many. Call it now and then (e.g. once a
    /// minute) to keep memory proportional to recently active keys.
    @discardableResult
    public mutating func evictIdle(now: Date) -> Int {
        let before = buckets.count
        buckets = buckets.filter { !$0.value.isFull(at: now) }
        return before - buckets.count
    }

    /// Keys with a bucket in memory.
    public var trackedKeyCount: Int { buckets.count }

    /// The bucket of `key`, if tracked (for metrics and tests).
    public func bucket(for key: Key) -> TokenBucket? { buckets[key] }

    private mutating func makeRoom(now: Date) {
        evictIdle(now: now)
        guard buckets.count >= maximumKeys,
              let leastRecent = buckets.min(by: { $0.value.updatedAt < $1.value.updatedAt })?.key else { return }
        buckets.removeValue(forKey: leastRecent)
    }
}
