/// Keys chosen for where they land rather than what they name: for a message that every
/// partition must see (a warehouse's region for every SKU partition) or a query every partition
/// must answer (a statement across every payer partition).
public enum PartitionKeys {
    /// One key per partition, in partition order: the first "<prefix><n>" that Kafka's default
    /// partitioner puts on each. Deterministic, so senders and receivers agree without talking.
    public static func covering(partitions: Int, prefix: String) -> [String] {
        precondition(partitions > 0, "a topic has at least one partition")
        var keys = [String?](repeating: nil, count: partitions)
        var found = 0
        var candidate = 0
        while found < partitions {
            let key = "\(prefix)\(candidate)"
            let partition = Int(Murmur2Partitioner.partition(for: key, partitions: partitions))
            if keys[partition] == nil {
                keys[partition] = key
                found += 1
            }
            candidate += 1
        }
        return keys.map { $0! }
    }
}
