import Contracts

/// What the notification service reads and under which consumer groups: pure data, so the wiring and
/// the tests agree on it.
///
/// - The relay (group `notification-relay`) reads order, payment and inventory events, routes them
///   with `NotificationRouter` and produces `notification.deliver` and `deliver-batch` commands.
/// - The decider (group `notification`) reads `notification.commands.v1` and writes
///   `notification.events.v1`, from which its state is folded.
/// - Every instance also folds `identity.events.v1` (users and roles: `UserDirectory`) and
///   `catalog.events.v1` (SKU owners: `NotificationRouter.learn`) whole, outside any group.
public enum NotificationSubscriptions {
    public static let group = "notification"
    public static let topics: [AnyTopic] = [Topics.notificationCommands.erased]

    /// Message types this service decides today; any other type that reaches it is dead-lettered
    /// with the reason, never dropped.
    public static let handledMessageTypes = Set(NotificationCommand.messageTypes)

    public static let relayGroup = "notification-relay"
    public static let relayTopics: [AnyTopic] = [Topics.orderEvents.erased, Topics.paymentEvents.erased,
                                                 Topics.inventoryEvents.erased]
    /// What `NotificationRouter` remembers comes from this (open orders): a relay instance rebuilds
    /// it from each such partition it is assigned. Payment and inventory events it only routes
    /// (payment announces invoices falling due itself, so no invoice is held here).
    public static let relayRememberedTopics: [AnyTopic] = [Topics.orderEvents.erased]
    /// Every type of those families decodes; the ones that concern nobody route to no draft.
    public static let relayHandledMessageTypes = Set(OrderEvent.messageTypes + PaymentEvent.messageTypes
        + InventoryEvent.messageTypes)

    /// Passed over by the relay by their type header, without parsing: the saga's per-line and
    /// per-order bookkeeping, most of the records of these topics, for which `NotificationRouter`
    /// drafts nothing and remembers nothing (a test holds the two together).
    public static let relaySkippedMessageTypes: Set<String> = [
        OrderLineReserved.messageType, OrderStockReserved.messageType,
        StockReserved.messageType, ReservationReleased.messageType, ReservationCommitted.messageType,
        CreditReserved.messageType, CreditReleased.messageType, LedgerPosted.messageType,
    ]

    /// Read whole by every instance (compacted state topics).
    public static let replicatedTopics: [AnyTopic] = [Topics.identityEvents.erased, Topics.catalogEvents.erased]
}
