import Contracts

/// What every gateway instance replicates in full (not shared in a group: each instance needs
/// every partition to answer any read from memory).
public enum GatewaySubscriptions {
    public static let replicatedTopics: [AnyTopic] = [
        Topics.identityEvents.erased, Topics.catalogEvents.erased, Topics.analyticsSnapshots.erased,
    ]

    /// A group of its own per process start: the replica lives in memory, so a restarted instance
    /// must read the compacted topics from the beginning rather than resume from old offsets.
    public static func replicaGroup(instance: String, start: String) -> String {
        "gateway-replica-\(instance)-\(start)"
    }
}
