import CRdKafka

/// The id of the cluster a client talks to (Kafka's `cluster.id`, from its metadata): what tells
/// a recreated cluster from the one a local checkpoint was taken on, when offsets alone cannot.
enum ClusterID {
    /// nil when the cluster did not say within `timeoutMs` (or does not keep one).
    static func of(_ handle: OpaquePointer, timeoutMs: Int32) -> String? {
        guard let pointer = rd_kafka_clusterid(handle, timeoutMs) else { return nil }
        defer { rd_kafka_mem_free(handle, pointer) }
        return String(cString: pointer)
    }
}
