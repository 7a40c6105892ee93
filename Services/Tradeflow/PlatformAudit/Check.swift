/// The result of one invariant check of `tradeflow verify`.
public struct Check: Codable, Sendable, Hashable {
    /// Stable machine name, e.g. `"orders-settled"` (see `AuditReport.CheckName`).
    public let name: String
    /// What the check asserts, in words.
    public let title: String
    public let passed: Bool
    /// What was looked at and what was found, e.g. `["orders": 1200, "in-flight": 3]`.
    public let counts: [String: Int]
    /// Every violation found (examples holds at most the report's example limit).
    public let violations: Int
    public let examples: [Violation]
    /// One line for the human summary, e.g. "1200 orders: 1197 final, 3 in flight (within grace)".
    public let summary: String

    public init(name: String, title: String, counts: [String: Int], violations: Int, examples: [Violation],
                summary: String) {
        self.name = name
        self.title = title
        self.passed = violations == 0
        self.counts = counts
        self.violations = violations
        self.examples = examples
        self.summary = summary
    }

    init(name: String, title: String, counts: [String: Int], log: ViolationLog, summary: String) {
        self.init(name: name, title: title, counts: counts, violations: log.count, examples: log.examples,
                  summary: summary)
    }

    private enum CodingKeys: String, CodingKey {
        case name = "name", title = "title", passed = "passed", counts = "counts", violations = "violations"
        case examples = "examples", summary = "summary"
    }
}
