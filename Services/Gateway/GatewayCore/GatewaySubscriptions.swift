import Contracts

/// What every gateway instance replicates in full (not shared in a group: each instance needs
/// every partition to answer any read from memory): identity and catalog for authentication,
/// browsing and quotes; stock movements for availability; the dashboards analytics publishes.
public enum GatewaySubscriptions {
    public static let replicatedTopics: [AnyTopic] = [
        Topics.identityEvents.erased, Topics.catalogEvents.erased, Topics.inventoryEvents.erased,
        Topics.analyticsSnapshots.erased,
    ]
}
