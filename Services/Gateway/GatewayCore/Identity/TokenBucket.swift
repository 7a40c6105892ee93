import Foundation

/// A token bucket: holds up to `capacity` tokens, gains `refillPerSecond` tokens per second, and
/// each request takes one. A full bucket allows a burst of `capacity` requests; after that,
/// requests are allowed at the refill rate.
///
/// Pure: time is passed in. A clock that goes backwards adds no tokens.
public struct TokenBucket: Sendable, Hashable {
    public let capacity: Int
    public let refillPerSecond: Double
    /// Tokens at `updatedAt` (fractional between refills).
    public private(set) var tokens: Double
    public private(set) var updatedAt: Date

    /// A full bucket. `capacity` ≥ 1 and `refillPerSecond` > 0 (finite) come from validated configuration.
    public init(capacity: Int, refillPerSecond: Double, now: Date) {
        precondition(capacity >= 1, "token bucket capacity must be at least 1")
        precondition(refillPerSecond > 0 && refillPerSecond.isFinite, "token bucket refill rate must be positive")
        self.capacity = capacity
        self.refillPerSecond = refillPerSecond
        self.tokens = Double(capacity)
        self.updatedAt = now
    }

    /// Takes one token if there is one.
    public mutating func take(now: Date) -> RateLimitDecision {
        refill(now: now)
        // The tolerance absorbs floating-point error (0.1 s × 10/s = 0.9999999…).
        if tokens >= 1 - 1e-9 {
            tokens = max(0, tokens - 1)
            return RateLimitDecision(allowed: true, retryAfterSeconds: 0, remaining: Int((tokens + 1e-9).rounded(.down)))
        }
        let wait = (1 - tokens) / refillPerSecond
        return RateLimitDecision(allowed: false, retryAfterSeconds: max(1, Int(wait.rounded(.up))), remaining: 0)
    }

    /// True when the bucket would be full at `now`: forgetting it loses nothing.
    public func isFull(at now: Date) -> Bool {
        var copy = self
        copy.refill(now: now)
        return copy.tokens >= Double(capacity) - 1e-9
    }

    private mutating func refill(now: Date) {
        let elapsed = now.timeIntervalSince(updatedAt)
        guard elapsed > 0 else { return }
        tokens = min(Double(capacity), tokens + elapsed * refillPerSecond)
        updatedAt = now
    }
}
