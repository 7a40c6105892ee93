/// How Kafka discards old messages of a topic.
public enum CleanupPolicy: String, Sendable, Hashable {
    /// Messages expire by age (`Retention`).
    case delete
    /// Kafka keeps at least the latest message per key forever. So on a compacted topic every
    /// message must be the complete current state of everything under its key (a whole product with
    /// its SKUs, listings and prices; a whole company with its users and API keys): a message that
    /// held only part of it would erase the rest when older messages are compacted away.
    case compact
}

/// How long a topic keeps messages (`retention.ms`).
public enum Retention: Sendable, Hashable, CustomStringConvertible {
    /// Never expire: event topics that a service's state is folded from, and compacted topics.
    case forever
    case days(Int)

    /// The `retention.ms` topic setting; -1 means forever.
    public var milliseconds: Int64 {
        switch self {
        case .forever: -1
        case let .days(days): Int64(days) * 86_400_000
        }
    }

    public var description: String {
        switch self {
        case .forever: "forever"
        case let .days(days): days == 1 ? "1 day" : "\(days) days"
        }
    }
}
