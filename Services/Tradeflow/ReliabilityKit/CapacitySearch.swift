/// Plans and judges the steps of a capacity search (`tradeflow bench --scenario capacity`): the
/// offered order rate rises a quarter per step met, a missed rate is tried once more, and the
/// capacity is the highest rate a step met.
public struct CapacitySearch: Sendable {
    /// What one step delivered, after its accepted orders were drained.
    public struct Step: Codable, Sendable, Equatable {
        public var offeredPerSecond: Double
        /// Orders the load sent (not counting reads).
        public var ordersSent: Int
        public var accepted: Int
        public var confirmed: Int
        /// Accepted orders the saga refused (stock, credit): the search offers neither shortage.
        public var rejected: Int
        /// Accepted orders without a decision when the drain gave up.
        public var undecided: Int
        /// Failed requests by kind, orders and reads alike (statuses >= 400, broken connections).
        public var errors: [String: Int]
        public var acceptanceP99Ms: Double

        public init(offeredPerSecond: Double, ordersSent: Int, accepted: Int, confirmed: Int, rejected: Int, undecided: Int,
                    errors: [String: Int], acceptanceP99Ms: Double) {
            self.offeredPerSecond = offeredPerSecond
            self.ordersSent = ordersSent
            self.accepted = accepted
            self.confirmed = confirmed
            self.rejected = rejected
            self.undecided = undecided
            self.errors = errors
            self.acceptanceP99Ms = acceptanceP99Ms
        }
    }

    /// The first step's offered orders/s.
    public let start: Double
    /// At most this many steps, repeats included.
    public let maxSteps: Int
    /// The target every step must meet: each order sent accepted and confirmed, no request
    /// failed, and 99% of acceptances within this many milliseconds (the issue's 100).
    public let p99AcceptanceMs: Double

    public init(start: Double, maxSteps: Int, p99AcceptanceMs: Double) {
        self.start = max(start.rounded(), 1)
        self.maxSteps = maxSteps
        self.p99AcceptanceMs = p99AcceptanceMs
    }

    /// Step growth: fine enough to place the capacity within a quarter, coarse enough to get from
    /// 50 to 1,000 orders/s in 14 steps.
    public static let growth = 1.25

    /// The offered orders/s of the step after `steps`; nil when the search is over. A met step is
    /// followed by one a quarter faster (whole orders, always rising); a missed one by the same
    /// rate once more, because one short step on a shared machine can miss by a single stall (a
    /// checkpoint, a neighbour's burst) that says little about the rate; a second miss at that
    /// rate ends the search, and so does an order left undecided (a broken saga, not noise).
    public func nextRate(after steps: [Step]) -> Double? {
        guard steps.count < maxSteps else { return nil }
        guard let last = steps.last else { return start }
        if misses(last).isEmpty { return max((last.offeredPerSecond * Self.growth).rounded(), last.offeredPerSecond + 1) }
        let repeated = steps.count >= 2 && steps[steps.count - 2].offeredPerSecond == last.offeredPerSecond
        return repeated || last.undecided > 0 ? nil : last.offeredPerSecond
    }

    /// Why `step` misses the target; empty when it meets it.
    public func misses(_ step: Step) -> [String] {
        var problems: [String] = []
        let failed = step.errors.values.reduce(0, +)
        if failed > 0 {
            let kinds = step.errors.sorted { $0.value > $1.value }.prefix(3).map { "\($0.key): \($0.value)" }
            problems.append("\(failed) requests failed (\(kinds.joined(separator: ", ")))")
        }
        let unanswered = step.ordersSent - step.accepted
        if unanswered > 0 && failed == 0 { problems.append("\(unanswered) of \(step.ordersSent) orders not accepted") }
        if step.undecided > 0 { problems.append("\(step.undecided) accepted orders undecided after the drain") }
        if step.rejected > 0 { problems.append("\(step.rejected) accepted orders rejected") }
        if step.acceptanceP99Ms > p99AcceptanceMs {
            problems.append("p99 acceptance \(Int(step.acceptanceP99Ms.rounded())) ms > \(Int(p99AcceptanceMs.rounded())) ms")
        }
        return problems
    }

    /// The highest offered rate a step met (0 when none did). The search never climbs past a
    /// missed rate, so every met step is below where it stopped.
    public func capacity(of steps: [Step]) -> Double {
        steps.filter { misses($0).isEmpty }.map(\.offeredPerSecond).max() ?? 0
    }
}
