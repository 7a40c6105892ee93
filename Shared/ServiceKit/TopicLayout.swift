import Contracts

/// Whether the topics on a cluster have the partition counts this version declares (`Topics`).
///
/// A key's partition is its murmur2 hash modulo the count: services and the cluster must agree on
/// it, or single writers see records "on the wrong partition" for their keys. A cluster
/// provisioned by a version with other counts must be migrated (or, in development, recreated)
/// before this version runs against it; services refuse to start rather than mix the two.
public enum TopicLayout {
    /// One line per declared topic whose count on the cluster differs; topics not on the cluster
    /// yet are not a mismatch (provisioning creates them).
    public static func mismatches(declared: [AnyTopic] = Topics.all, onCluster counts: [String: Int]) -> [String] {
        declared.compactMap { topic in
            guard let found = counts[topic.name], found != topic.partitions else { return nil }
            return "\(topic.name) has \(found) partitions on the cluster; this version declares \(topic.partitions)"
        }
    }
}
