/// A counting semaphore for tasks: `acquire` suspends while all permits are taken. Bounds how much
/// work is queued in memory (e.g. messages handed to partition lanes but not yet handled).
public final class AsyncPermits: Sendable {
    private let state: Locked<(available: Int, waiters: [CheckedContinuation<Void, Never>])>

    public init(_ permits: Int) {
        precondition(permits > 0, "at least one permit")
        state = Locked((permits, []))
    }

    public func acquire() async {
        await withCheckedContinuation { continuation in
            let granted = state.withLock { state -> Bool in
                guard state.available > 0 else {
                    state.waiters.append(continuation)
                    return false
                }
                state.available -= 1
                return true
            }
            if granted { continuation.resume() }
        }
    }

    public func release(_ count: Int = 1) {
        let woken = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.available += count
            let wake = min(state.available, state.waiters.count)
            state.available -= wake
            defer { state.waiters.removeFirst(wake) }
            return Array(state.waiters.prefix(wake))
        }
        woken.forEach { $0.resume() }
    }
}
