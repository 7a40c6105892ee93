import Foundation

/// Hands consumed messages from the polling thread to the one task that handles them.
///
/// Bounded: when `capacity` messages wait (plus at most one poll round), the polling thread blocks
/// (on its own thread, never the cooperative pool) until the handler catches up, so a slow handler
/// cannot grow memory without bound. While blocked, rebalance callbacks wait too; that delay is
/// bounded by how long the handler takes to drain the buffer.
final class MessageBuffer: @unchecked Sendable {
    // @unchecked: every field is guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [KafkaMessage] = []
    /// The poll round in progress (see `stage`).
    private var staged: [KafkaMessage] = []
    private var head = 0
    private var waiter: (continuation: CheckedContinuation<[KafkaMessage]?, Never>, maximum: Int)?
    private var finished = false
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    private var count: Int { queue.count - head }

    /// Called by the polling thread for each message of a poll round; `publishStaged` hands the
    /// round on. Staged messages are already subject to `discard`: a rebalance callback runs
    /// inside a poll, possibly in the middle of a round.
    func stage(_ message: KafkaMessage) {
        condition.lock()
        defer { condition.unlock() }
        if !finished { staged.append(message) }
    }

    /// Hands the staged round to the handling task: one lock and at most one wake-up for the lot.
    func publishStaged() {
        condition.lock()
        defer { condition.unlock() }
        guard !staged.isEmpty else { return }
        queue.append(contentsOf: staged)
        staged.removeAll(keepingCapacity: true)
        if let waiter {
            self.waiter = nil
            waiter.continuation.resume(returning: takeLocked(maximum: waiter.maximum))
        }
    }

    /// Blocks the polling thread while the buffer is full, waking at least every `interval`.
    func waitForSpace(interval: TimeInterval = 0.1) {
        condition.lock()
        defer { condition.unlock() }
        while count >= capacity && !finished {
            _ = condition.wait(until: Date(timeIntervalSinceNow: interval))
        }
    }

    /// The next message, suspending until one arrives; nil once the buffer is finished.
    func next() async -> KafkaMessage? {
        await nextBatch(maximum: 1)?.first
    }

    /// Up to `maximum` waiting messages in arrival order, suspending only while there are none;
    /// nil once the buffer is finished.
    func nextBatch(maximum: Int) async -> [KafkaMessage]? {
        precondition(maximum > 0, "a batch holds at least one message")
        // Messages usually wait already: no suspension then (a continuation costs an allocation
        // and a trip through the executor).
        if let waiting = takeIfWaiting(maximum: maximum) { return waiting }
        return await withCheckedContinuation { continuation in
            condition.lock()
            defer { condition.unlock() }
            if head < queue.count {
                continuation.resume(returning: takeLocked(maximum: maximum))
            } else if finished {
                continuation.resume(returning: nil)
            } else {
                precondition(waiter == nil, "KafkaConsumer.next() and nextBatch(maximum:) must be called by one task at a time")
                waiter = (continuation, maximum)
            }
        }
    }

    private func takeIfWaiting(maximum: Int) -> [KafkaMessage]? {
        condition.lock()
        defer { condition.unlock() }
        return head < queue.count ? takeLocked(maximum: maximum) : nil
    }

    /// Takes up to `maximum` queued messages (at least one must wait) and lets the polling thread
    /// go on if it waited for space. Call with `condition` locked.
    private func takeLocked(maximum: Int) -> [KafkaMessage] {
        let end = min(queue.count, head + maximum)
        let batch = Array(queue[head..<end])
        head = end
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 1024 && head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
        condition.signal()
        return batch
    }

    /// Drops buffered messages of revoked partitions: their new owner will consume them.
    func discard(partitions: Set<TopicPartition>) {
        condition.lock()
        defer { condition.unlock() }
        queue = Array(queue[head...]).filter { !partitions.contains($0.topicPartition) }
        staged.removeAll { partitions.contains($0.topicPartition) }
        head = 0
        condition.signal()
    }

    /// Wakes everyone; `next()` returns nil from now on.
    func finish() {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        queue.removeAll()
        staged.removeAll()
        head = 0
        waiter?.continuation.resume(returning: nil)
        waiter = nil
        condition.broadcast()
    }
}
