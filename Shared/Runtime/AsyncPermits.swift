/// A counting semaphore for tasks: `acquire` suspends while all permits are taken. Bounds how much
/// work is queued in memory (e.g. messages handed to partition lanes but not yet handled).
public final class AsyncPermits: Sendable {
    private let total: Int
    private let state: Locked<(available: Int, waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)])>

    public init(_ permits: Int) {
        precondition(permits > 0, "at least one permit")
        total = permits
        state = Locked((permits, []))
    }

    public func acquire() async {
        await acquire(1)
    }

    /// Takes `count` permits at once (at most as many as exist), suspending until they are free.
    /// Waiters are served in arrival order, so a large request is not starved by small ones.
    public func acquire(_ count: Int) async {
        precondition((1...total).contains(count), "between 1 and \(total) permits at a time")
        // Usually permits are free: no suspension then (a continuation costs an allocation and a
        // trip through the executor).
        let taken = state.withLock { state -> Bool in
            guard state.waiters.isEmpty, state.available >= count else { return false }
            state.available -= count
            return true
        }
        if taken { return }
        await withCheckedContinuation { continuation in
            let granted = state.withLock { state -> Bool in
                guard state.waiters.isEmpty, state.available >= count else {
                    state.waiters.append((count, continuation))
                    return false
                }
                state.available -= count
                return true
            }
            if granted { continuation.resume() }
        }
    }

    public func release(_ count: Int = 1) {
        let woken = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.available += count
            var woken: [CheckedContinuation<Void, Never>] = []
            while let first = state.waiters.first, first.count <= state.available {
                state.available -= first.count
                woken.append(first.continuation)
                state.waiters.removeFirst()
            }
            return woken
        }
        woken.forEach { $0.resume() }
    }
}
