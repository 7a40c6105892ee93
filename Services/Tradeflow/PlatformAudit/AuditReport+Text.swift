import Foundation

extension AuditReport {
    /// A human summary: a header, one line per check (✔ or ✘, name, counts) and, under a failed
    /// check, its examples.
    public var text: String {
        var lines: [String] = []
        let total = records.values.reduce(0, +)
        let again = redeliveries.values.reduce(0, +)
        let newest = newestEventAt.map { $0.formatted(.iso8601) } ?? "no events"
        lines.append("tradeflow verify: \(total) records read (\(Self.describe(records))), newest event \(newest), grace \(Self.seconds(settleAfterSeconds))")
        if again > 0 { lines.append("  \(again) identical re-deliveries counted once (\(Self.describe(redeliveries)))") }
        if ignoredRecords > 0 { lines.append("  \(ignoredRecords) records of other topics ignored") }
        if !retainedFrom.isEmpty { lines.append("  " + partialLine) }
        for check in checks {
            lines.append("\(check.passed ? "✔" : "✘") \(check.name): \(check.summary)")
            for example in check.examples { lines.append("    - \(example)") }
            if check.violations > check.examples.count {
                lines.append("    … and \(check.violations - check.examples.count) more")
            }
        }
        lines.append(passed ? "PASSED: all \(checks.count) checks hold"
                            : "FAILED: \(checks.filter { !$0.passed }.count) of \(checks.count) checks failed")
        return lines.joined(separator: "\n")
    }

    /// "3 of 60 partitions partial: history before the retained window not checked (…)".
    private var partialLine: String {
        let total = partitions.values.reduce(0, +)
        let perTopic = Dictionary(grouping: retainedFrom, by: \.topic).sorted { $0.key < $1.key }
            .map { "\($0.key) \($0.value.count) of \(partitions[$0.key] ?? $0.value.count)" }
        return "\(retainedFrom.count) of \(total) partitions partial: history before the retained window not checked (\(perTopic.joined(separator: ", ")))"
    }

    private static func describe(_ counts: [String: Int]) -> String {
        counts.isEmpty ? "none" : counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))s" : "\(value)s"
    }
}
