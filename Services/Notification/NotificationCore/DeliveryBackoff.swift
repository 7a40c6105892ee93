/// When to retry a failed delivery: exponential, capped, without jitter (so the schedule is
/// deterministic and testable; endpoints are spread by each having its own worker).
///
/// Attempt 1 is immediate; after failed attempt n (1-based) the worker waits
/// `min(initial × multiplier^(n-1), maximum)`; after `maximumAttempts` failures it gives up: the
/// delivery goes to the dead-letter topic and is recorded as failed. Defaults: 1 s, 2 s, 4 s, 8 s,
/// 16 s between 6 attempts (31 s in all), never more than 60 s between two.
public struct DeliveryBackoff: Sendable, Equatable {
    public let initialMilliseconds: Int64
    public let multiplier: Int64
    public let maximumMilliseconds: Int64
    public let maximumAttempts: Int

    public init(initialMilliseconds: Int64 = 1_000, multiplier: Int64 = 2, maximumMilliseconds: Int64 = 60_000,
                maximumAttempts: Int = 6) {
        precondition(initialMilliseconds > 0 && multiplier >= 1 && maximumMilliseconds >= initialMilliseconds,
                     "backoff needs a positive initial delay no larger than the maximum")
        precondition(maximumAttempts >= 1, "at least one attempt")
        self.initialMilliseconds = initialMilliseconds
        self.multiplier = multiplier
        self.maximumMilliseconds = maximumMilliseconds
        self.maximumAttempts = maximumAttempts
    }

    public static let standard = DeliveryBackoff()

    /// The wait after failed attempt `attempt` (1-based), or nil when that was the last attempt.
    public func delayMilliseconds(afterAttempt attempt: Int) -> Int64? {
        guard attempt >= 1, attempt < maximumAttempts else { return nil }
        var delay = initialMilliseconds
        for _ in 1..<attempt {
            let (next, overflow) = delay.multipliedReportingOverflow(by: multiplier)
            if overflow || next >= maximumMilliseconds { return maximumMilliseconds }
            delay = next
        }
        return min(delay, maximumMilliseconds)
    }

    /// The waits between all attempts, in order (`maximumAttempts - 1` values).
    public var scheduleMilliseconds: [Int64] {
        (1..<maximumAttempts).compactMap { delayMilliseconds(afterAttempt: $0) }
    }

    /// The wait as a `Duration`, for `Task.sleep(for:)`.
    public func delay(afterAttempt attempt: Int) -> Duration? {
        delayMilliseconds(afterAttempt: attempt).map { .milliseconds($0) }
    }
}
