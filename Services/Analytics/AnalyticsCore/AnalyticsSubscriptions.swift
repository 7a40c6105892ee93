import Contracts

/// What the analytics service reads and under which consumer group: pure data, so the wiring and the
/// tests agree on it. It folds the event streams into dashboards.
public enum AnalyticsSubscriptions {
    public static let group = "analytics"
    public static let topics: [AnyTopic] = [Topics.orderEvents.erased, Topics.paymentEvents.erased, Topics.inventoryEvents.erased]

    /// Message types this service decides today; any other type that reaches it is dead-lettered
    /// with the reason, never dropped.
    public static let handledMessageTypes: Set<String> = []
}
