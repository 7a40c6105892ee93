/// Severity of a log line, ordered from most to least verbose.
public enum LogLevel: String, Sendable, Comparable, CaseIterable, Codable {
    case trace, debug, info, warning, error, critical

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rank < rhs.rank }
}
