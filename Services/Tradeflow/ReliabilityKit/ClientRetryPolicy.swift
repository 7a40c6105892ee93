/// How the bench's clients repeat a request the platform could not answer yet, as a dealer's
/// ordering system or a warehouse system would: the same request (under the same
/// `Idempotency-Key`, so a repeat of one that was applied gets the first answer back) after a
/// pause, until a budget measured from when the request was first due runs out.
public struct ClientRetryPolicy: Sendable, Equatable {
    /// Answers worth repeating: a company over its rate (429), the gateway shedding load or still
    /// reading its replicas after a restart (503, with `Retry-After`), a service that did not
    /// answer within the gateway's wait (504). Anything else is an answer, right or wrong.
    public static let retryableStatuses: Set<Int> = [429, 503, 504]

    /// Seconds from the first due time after which the client stops trying: under `--chaos` a
    /// killed service restarts and catches up within seconds to tens of seconds.
    public var budgetSeconds: Double
    /// The longest pause between two tries, whatever `Retry-After` asks.
    public var longestPauseSeconds: Double
    /// The pause before the second try; each later one a step longer (linear: the outages the
    /// bench causes are seconds long, and a client should notice the platform is back soon).
    public var pauseStepSeconds: Double

    public init(budgetSeconds: Double = 60, longestPauseSeconds: Double = 5, pauseStepSeconds: Double = 0.05) {
        self.budgetSeconds = budgetSeconds
        self.longestPauseSeconds = longestPauseSeconds
        self.pauseStepSeconds = pauseStepSeconds
    }

    public static let standard = ClientRetryPolicy()

    /// Whether an answer with `status` is repeated (a broken connection, `nil`, always is).
    public static func isRetryable(status: Int?) -> Bool {
        guard let status else { return true }
        return retryableStatuses.contains(status)
    }

    /// The pause after try number `tries` (1 for the first) failed: `Retry-After` when the answer
    /// carried one, otherwise a step longer per try; never longer than `longestPauseSeconds`.
    public func pause(afterTries tries: Int, retryAfterSeconds: Int?) -> Double {
        let wanted = retryAfterSeconds.map(Double.init) ?? pauseStepSeconds * Double(max(tries, 1))
        return min(max(wanted, 0), longestPauseSeconds)
    }

    /// Whether another try fits: one that would start, after `pause`, `elapsedSeconds +
    /// pause` from the first due time must start within the budget.
    public func allowsAnotherTry(elapsedSeconds: Double, pause: Double) -> Bool {
        elapsedSeconds + pause < budgetSeconds
    }
}
