/// The bound on requests that wait for a service's answer over Kafka (request/reply).
///
/// Every waiting request holds its connection, its body and a reply slot until the answer or the
/// timeout. When a service is paused or slow, answers stop coming while clients keep sending, so
/// without a bound the gateway's memory grows with the arrival rate times the timeout. Beyond
/// `limit` a request is refused at once (503 with `Retry-After`), which costs nothing to keep.
///
/// Pure and not thread-safe: the gateway keeps it behind a lock (one short critical section when a
/// request starts waiting and one when it stops).
public struct PendingReplyLimit: Sendable, Equatable {
    public let limit: Int
    public private(set) var pending = 0
    /// The most requests ever waiting at once (for metrics and the reliability suite).
    public private(set) var peak = 0
    /// Requests refused because `limit` were already waiting.
    public private(set) var shed = 0

    public init(limit: Int) {
        precondition(limit >= 1, "the pending-reply limit must admit at least one request")
        self.limit = limit
    }

    /// Takes a place for one request; false (and counted as shed) when every place is taken.
    public mutating func admit() -> Bool {
        guard pending < limit else {
            shed += 1
            return false
        }
        pending += 1
        peak = max(peak, pending)
        return true
    }

    /// Gives back the place of a request that was admitted (answered, timed out or failed).
    public mutating func release() {
        precondition(pending > 0, "released a pending reply that was never admitted")
        pending -= 1
    }

    /// When a refused client should come back: places free up at the latest when the waiting
    /// requests time out, so the request timeout rounded up to whole seconds (at least 1).
    public static func retryAfterSeconds(requestTimeoutMilliseconds: Int) -> Int {
        max(1, (requestTimeoutMilliseconds + 999) / 1000)
    }
}
