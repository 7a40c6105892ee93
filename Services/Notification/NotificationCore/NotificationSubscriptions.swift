import Contracts

/// What the notification service reads and under which consumer group: pure data, so the wiring and the
/// tests agree on it. It turns what happened into notifications.
public enum NotificationSubscriptions {
    public static let group = "notification"
    public static let topics: [AnyTopic] = [Topics.orderEvents.erased, Topics.paymentEvents.erased, Topics.inventoryEvents.erased]

    /// Message types this service decides today; any other type that reaches it is dead-lettered
    /// with the reason, never dropped.
    public static let handledMessageTypes: Set<String> = []
}
