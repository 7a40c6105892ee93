import Contracts

/// What the catalog service reads and under which consumer group: pure data, so the wiring and the
/// tests agree on it. Supplier and operator edits arrive on catalog.commands.v1.
public enum CatalogSubscriptions {
    public static let group = "catalog"
    public static let topics: [AnyTopic] = [Topics.catalogCommands.erased]

    /// Message types this service decides today; any other type that reaches it is dead-lettered
    /// with the reason, never dropped.
    public static let handledMessageTypes = Set(CatalogCommand.messageTypes)
}
