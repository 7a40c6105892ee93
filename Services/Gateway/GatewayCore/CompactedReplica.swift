/// The latest value per key of a compacted topic, as Kafka would keep it after compaction: a
/// record replaces the previous one under its key, a tombstone (no value) deletes the key.
/// The gateway folds catalog, identity and dashboard topics into replicas and answers reads from them.
public struct CompactedReplica<Value: Sendable>: Sendable {
    public private(set) var values: [String: Value] = [:]
    /// Highest offset applied per partition, so a replayed record is recognised and skipped.
    public private(set) var appliedOffsets: [Int32: Int64] = [:]

    public init() {}

    /// Applies one record; returns false if it was already applied (a replay after a restart).
    @discardableResult
    public mutating func apply(key: String, value: Value?, partition: Int32, offset: Int64) -> Bool {
        if let applied = appliedOffsets[partition], offset <= applied { return false }
        appliedOffsets[partition] = offset
        if let value {
            values[key] = value
        } else {
            values.removeValue(forKey: key)
        }
        return true
    }

    public subscript(key: String) -> Value? { values[key] }
    public var count: Int { values.count }
}
