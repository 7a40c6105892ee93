import Runtime

/// The messages of one partition waiting to be handled, in offset order. A lane is drained by one
/// task, so a partition's messages are handled one batch after another while other partitions'
/// lanes run at the same time.
final class PartitionLane: Sendable {
    private let state = Locked<(queue: [KafkaMessage], waiter: CheckedContinuation<Void, Never>?, closed: Bool)>(([], nil, false))

    /// Appends messages of this lane's partition, in offset order.
    func push(contentsOf messages: [KafkaMessage]) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.queue.append(contentsOf: messages)
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    func close() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.closed = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Up to `maximum` queued messages, waiting for one if none; nil once closed and empty.
    func take(maximum: Int) async -> [KafkaMessage]? {
        while true {
            let taken = state.withLock { state -> [KafkaMessage]? in
                guard !state.queue.isEmpty else { return nil }
                let batch = Array(state.queue.prefix(maximum))
                state.queue.removeFirst(batch.count)
                return batch
            }
            if let taken { return taken }
            if state.withLock({ $0.closed }) { return nil }
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state -> Bool in
                    if !state.queue.isEmpty || state.closed { return true }
                    state.waiter = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        }
    }
}
