/// All metrics of one process, rendered in the Prometheus text exposition format (version 0.0.4).
/// Asking twice for the same name and labels returns the same instrument, so callers may look
/// instruments up where they use them instead of threading them through every initializer.
public final class MetricsRegistry: Sendable {
    private enum Kind: String { case counter, gauge, histogram }
    private enum Instrument {
        case counter(Counter), gauge(Gauge), histogram(Histogram)

        var counter: Counter? { if case .counter(let value) = self { value } else { nil } }
        var gauge: Gauge? { if case .gauge(let value) = self { value } else { nil } }
        var histogram: Histogram? { if case .histogram(let value) = self { value } else { nil } }
    }
    private struct Family {
        let kind: Kind
        let help: String
        var children: [String: (labels: [(String, String)], instrument: Instrument)] = [:]
    }

    private let families = Locked<[String: Family]>([:])

    public init() {}

    public func counter(_ name: String, help: String, labels: [String: String] = [:]) -> Counter {
        instrument(name, help: help, kind: .counter, labels: labels) { .counter(Counter()) }.counter!
    }

    public func gauge(_ name: String, help: String, labels: [String: String] = [:]) -> Gauge {
        instrument(name, help: help, kind: .gauge, labels: labels) { .gauge(Gauge()) }.gauge!
    }

    public func histogram(_ name: String, help: String, labels: [String: String] = [:],
                          buckets: [Double] = Histogram.latencyBuckets) -> Histogram {
        instrument(name, help: help, kind: .histogram, labels: labels) { .histogram(Histogram(upperBounds: buckets)) }.histogram!
    }

    private func instrument(_ name: String, help: String, kind: Kind, labels: [String: String],
                            make: () -> Instrument) -> Instrument {
        let sortedLabels = labels.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let childKey = sortedLabels.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
        return families.withLock { families in
            var family = families[name] ?? Family(kind: kind, help: help)
            precondition(family.kind == kind, "metric \(name) registered as \(family.kind) and \(kind)")
            if let existing = family.children[childKey] { return existing.instrument }
            let created = make()
            family.children[childKey] = (sortedLabels, created)
            families[name] = family
            return created
        }
    }

    /// The exposition text served at `/metrics`.
    public func render() -> String {
        let snapshot = families.withLock { $0 }
        var out = ""
        for name in snapshot.keys.sorted() {
            let family = snapshot[name]!
            out += "# HELP \(name) \(family.help)\n# TYPE \(name) \(family.kind.rawValue)\n"
            for key in family.children.keys.sorted() {
                let (labels, instrument) = family.children[key]!
                switch instrument {
                case .counter(let counter): out += "\(name)\(Self.format(labels)) \(counter.value)\n"
                case .gauge(let gauge): out += "\(name)\(Self.format(labels)) \(gauge.value)\n"
                case .histogram(let histogram): out += Self.render(histogram, name: name, labels: labels)
                }
            }
        }
        return out
    }

    private static func render(_ histogram: Histogram, name: String, labels: [(String, String)]) -> String {
        let snapshot = histogram.snapshot
        var out = ""
        var cumulative: Int64 = 0
        for (index, bound) in histogram.upperBounds.enumerated() {
            cumulative += snapshot.buckets[index]
            out += "\(name)_bucket\(format(labels + [("le", "\(bound)")])) \(cumulative)\n"
        }
        out += "\(name)_bucket\(format(labels + [("le", "+Inf")])) \(snapshot.count)\n"
        out += "\(name)_sum\(format(labels)) \(snapshot.sum)\n"
        out += "\(name)_count\(format(labels)) \(snapshot.count)\n"
        return out
    }

    private static func format(_ labels: [(String, String)]) -> String {
        guard !labels.isEmpty else { return "" }
        let body = labels.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: ",")
        return "{\(body)}"
    }

    private static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
