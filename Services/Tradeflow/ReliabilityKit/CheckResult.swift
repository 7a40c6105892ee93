/// The outcome of one check of the suite: what was checked, whether it held, and the evidence.
public struct CheckResult: Sendable, Equatable {
    public let name: String
    public let passed: Bool
    public let detail: String

    public init(_ name: String, passed: Bool, _ detail: String) {
        self.name = name
        self.passed = passed
        self.detail = detail
    }

    /// The summary the command prints: one line per check, then the verdict.
    public static func summary(_ results: [CheckResult]) -> String {
        let width = min(44, results.map(\.name.count).max() ?? 0)
        let lines = results.map { result in
            "  \(result.passed ? "PASS" : "FAIL")  \(result.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(result.detail)"
        }
        let failed = results.filter { !$0.passed }.count
        let verdict = failed == 0 ? "reliability: all \(results.count) checks passed" : "reliability: \(failed) of \(results.count) checks FAILED"
        return (["", "reliability summary"] + lines + [verdict]).joined(separator: "\n")
    }
}
