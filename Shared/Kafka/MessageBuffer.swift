import Foundation

/// Hands consumed messages from the polling thread to the one task that handles them.
///
/// Bounded: when `capacity` messages wait, the polling thread blocks (on its own thread, never the
/// cooperative pool) until the handler catches up, so a slow handler cannot grow memory without
/// bound. While blocked, rebalance callbacks wait too; that delay is bounded by how long the
/// handler takes to drain the buffer.
final class MessageBuffer: @unchecked Sendable {
    // @unchecked: every field is guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [KafkaMessage] = []
    private var head = 0
    private var waiter: CheckedContinuation<KafkaMessage?, Never>?
    private var finished = false
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    private var count: Int { queue.count - head }

    /// Called by the polling thread. Returns false if the buffer was finished meanwhile.
    @discardableResult
    func append(_ message: KafkaMessage) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if finished { return false }
        if let waiter {
            self.waiter = nil
            waiter.resume(returning: message)
            return true
        }
        queue.append(message)
        return true
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
        await withCheckedContinuation { continuation in
            condition.lock()
            defer { condition.unlock() }
            if head < queue.count {
                let message = queue[head]
                head += 1
                if head > 1024 && head * 2 > queue.count {
                    queue.removeFirst(head)
                    head = 0
                }
                condition.signal()
                continuation.resume(returning: message)
            } else if finished {
                continuation.resume(returning: nil)
            } else {
                precondition(waiter == nil, "KafkaConsumer.next() must be called by one task at a time")
                waiter = continuation
            }
        }
    }

    /// Drops buffered messages of revoked partitions: their new owner will consume them.
    func discard(partitions: Set<TopicPartition>) {
        condition.lock()
        defer { condition.unlock() }
        queue = Array(queue[head...]).filter { !partitions.contains($0.topicPartition) }
        head = 0
        condition.signal()
    }

    /// Wakes everyone; `next()` returns nil from now on.
    func finish() {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        queue.removeAll()
        head = 0
        waiter?.resume(returning: nil)
        waiter = nil
        condition.broadcast()
    }
}
