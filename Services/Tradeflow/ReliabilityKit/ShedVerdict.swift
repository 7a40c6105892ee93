/// Judges a load-shedding run: requests fired at a gateway whose order service is paused.
public struct ShedObservation: Sendable {
    /// Status of each request (nil: no answer before the client's deadline).
    public var statuses: [Int?]
    /// Of the 503 answers, how many carried `Retry-After`.
    public var shedWithRetryAfter: Int
    public var limit: Int
    public var rssBeforeBytes: Int64
    public var rssPeakBytes: Int64

    public init(statuses: [Int?], shedWithRetryAfter: Int, limit: Int, rssBeforeBytes: Int64, rssPeakBytes: Int64) {
        self.statuses = statuses
        self.shedWithRetryAfter = shedWithRetryAfter
        self.limit = limit
        self.rssBeforeBytes = rssBeforeBytes
        self.rssPeakBytes = rssPeakBytes
    }

    public var shed: Int { statuses.filter { $0 == 503 }.count }
    /// Admitted requests that waited for the paused service and timed out.
    public var timedOut: Int { statuses.filter { $0 == 504 }.count }

    /// Passes when, with more requests than the limit in flight: some were shed, every shed answer
    /// had Retry-After, no more than `limit` were admitted to wait, nothing else failed, and the
    /// gateway's memory grew by less than `rssAllowanceBytes`.
    public func verdict(rssAllowanceBytes: Int64) -> CheckResult {
        let other = statuses.filter { $0 != 503 && $0 != 504 }
        let growth = rssPeakBytes - rssBeforeBytes
        var problems: [String] = []
        if shed == 0 { problems.append("no request was shed") }
        if shedWithRetryAfter != shed { problems.append("\(shed - shedWithRetryAfter) 503s without Retry-After") }
        if timedOut > limit { problems.append("\(timedOut) requests waited, more than the limit \(limit)") }
        if !other.isEmpty { problems.append("unexpected answers: \(other.map { $0.map(String.init) ?? "none" }.prefix(5).joined(separator: ","))") }
        if growth > rssAllowanceBytes { problems.append("gateway RSS grew by \(growth >> 20) MiB") }
        let facts = "\(statuses.count) requests, limit \(limit): \(timedOut) waited (504), \(shed) shed (503 + Retry-After), "
            + "gateway RSS \(rssBeforeBytes >> 20) -> \(rssPeakBytes >> 20) MiB"
        return CheckResult("shedding: 503 + Retry-After beyond the limit", passed: problems.isEmpty,
                           problems.isEmpty ? facts : problems.joined(separator: "; ") + " (\(facts))")
    }
}
