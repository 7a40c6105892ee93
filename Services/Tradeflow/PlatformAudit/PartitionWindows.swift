import Foundation

/// Where each partition's retained history starts, so the checks can tell a partition read from
/// offset 0 (complete: every invariant can be judged) from one whose beginning retention already
/// deleted (partial: only what the retained window can prove is judged).
///
/// A partition is partial when its reported log start is above 0, or when its first record read
/// is above offset 0 (retention can move the log start while a reader is on its way there).
struct PartitionWindows: Sendable {
    struct Key: Hashable, Sendable, Comparable {
        let topic: String
        let partition: Int32

        static func < (lhs: Key, rhs: Key) -> Bool { (lhs.topic, lhs.partition) < (rhs.topic, rhs.partition) }
    }

    struct Window: Sendable {
        var logStart: Int64 = 0
        var firstOffset: Int64?
        /// `occurredAt` of the first record read: history from about this moment on was retained.
        var firstEventAt: Date?

        var isPartial: Bool { logStart > 0 || (firstOffset ?? 0) > 0 }
        /// The first offset that was actually read or, before any record, the reported log start.
        var retainedFrom: Int64 { firstOffset ?? logStart }
    }

    private(set) var windows: [Key: Window] = [:]

    mutating func start(topic: String, partition: Int32, logStart: Int64) {
        windows[Key(topic: topic, partition: partition), default: Window()].logStart = logStart
    }

    /// Notes a record read (`time` once it is decoded); true when its partition is partial.
    /// Records without a position (callers that decode themselves and do not say where) count as
    /// complete.
    @discardableResult
    mutating func sight(_ position: RecordPosition?, at time: Date?) -> Bool {
        guard let position else { return false }
        let key = Key(topic: position.topic, partition: position.partition)
        var window = windows[key, default: Window()]
        if window.firstOffset == nil { window.firstOffset = position.offset }
        if window.firstEventAt == nil { window.firstEventAt = time }
        windows[key] = window
        return window.isPartial
    }

    func isPartial(_ position: RecordPosition?) -> Bool {
        guard let position else { return false }
        return windows[Key(topic: position.topic, partition: position.partition)]?.isPartial ?? false
    }

    func partial(in topic: String) -> [Key] {
        windows.filter { $0.key.topic == topic && $0.value.isPartial }.map(\.key).sorted()
    }

    /// The latest moment any partial partition of `topic` starts its retained history: facts of
    /// that topic about something that began after it were all retained, whatever partition holds
    /// them. Nil when every partition of the topic is complete; `distantFuture` when a partial
    /// partition has no record left at all (nothing in it can be dated).
    func retainedSince(in topic: String) -> Date? {
        let partial = windows.filter { $0.key.topic == topic && $0.value.isPartial }.values
        guard !partial.isEmpty else { return nil }
        return partial.map { $0.firstEventAt ?? .distantFuture }.max()
    }

    /// Partial partitions with the first offset that was retained, in topic and partition order.
    var retainedFrom: [RecordPosition] {
        windows.filter(\.value.isPartial).sorted { $0.key < $1.key }
            .map { RecordPosition(topic: $0.key.topic, partition: $0.key.partition, offset: $0.value.retainedFrom) }
    }
}
