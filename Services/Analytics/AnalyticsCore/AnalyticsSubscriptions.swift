import Contracts

/// What the analytics service reads and under which consumer group: pure data, so the wiring and the
/// tests agree on it. It folds the event streams into dashboards.
///
/// One instance reads every partition of the four topics, from its checkpoint's positions or the
/// beginning (see `AnalyticsState`); the group only names the consumer for monitoring.
public enum AnalyticsSubscriptions {
    public static let group = "analytics"
    /// The catalog only for which SKUs each supplier sells (its stock view lists them all).
    public static let topics: [AnyTopic] = [Topics.orderEvents.erased, Topics.paymentEvents.erased, Topics.inventoryEvents.erased,
                                            Topics.catalogEvents.erased]

    /// Message types this service decides today; any other type that reaches it is dead-lettered
    /// with the reason, never dropped. Every event type of the four topics is handled: those that
    /// move no number are folded as no-ops, which is a decision, not a loss.
    public static let handledMessageTypes: Set<String> =
        Set(OrderEvent.messageTypes + PaymentEvent.messageTypes + InventoryEvent.messageTypes + CatalogEvent.messageTypes)

    /// Passed over by their type header, without parsing: the saga's per-line and per-order
    /// bookkeeping, most of the records of these topics, which `AnalyticsState.apply` folds as
    /// no-ops anyway (a test holds the two together).
    public static let skippedMessageTypes: Set<String> = [
        OrderLineReserved.messageType, OrderStockReserved.messageType,
        StockReserved.messageType, ReservationReleased.messageType,
        CreditReserved.messageType, CreditReleased.messageType, LedgerPosted.messageType,
    ]

    /// Where snapshots go.
    public static let output = Topics.analyticsSnapshots
}
