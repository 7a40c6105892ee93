import CLinux
import Glibc
import Synchronization

/// The only channel into the event-loop thread: handler tasks post finished responses, `HTTPServer`
/// posts commands, and an eventfd wakes the loop from `epoll_wait`.
///
/// The eventfd is written at most once per drain (`signalled`), so a burst of completions costs one
/// wake-up, and it is written and closed only under the lock, so a late completion can never write to
/// a descriptor number that has since been closed and reused.
final class LoopMailbox: Sendable {
    struct Completion: Sendable {
        let connectionID: UInt64
        let sequence: UInt64
        let response: HTTPResponse
    }

    enum Command: Sendable {
        /// Stop accepting, finish in-flight requests until `deadline` (monotonic nanoseconds).
        case shutdown(deadline: UInt64)
    }

    private struct State {
        var completions: [Completion] = []
        var commands: [Command] = []
        var signalled = false
        var isOpen = true
        /// Posters that decided to write the eventfd and have not finished yet; `close()` waits for
        /// them so the descriptor is never closed (and possibly reused) under a writer.
        var wakesInFlight = 0
        var stopWaiters: [CheckedContinuation<Void, Never>] = []
    }

    let eventFD: Int32
    private let state = Mutex(State())

    init() throws(SystemCallError) {
        eventFD = try syscall("eventfd") { cl_eventfd() }
    }

    func complete(_ completion: Completion) {
        let mustWake = state.withLock { state -> Bool in
            guard state.isOpen else { return false }
            state.completions.append(completion)
            return claimWake(&state)
        }
        if mustWake { wake() }
    }

    func send(_ command: Command) {
        let mustWake = state.withLock { state -> Bool in
            guard state.isOpen else { return false }
            state.commands.append(command)
            return claimWake(&state)
        }
        if mustWake { wake() }
    }

    /// Loop thread: resets the eventfd and swaps the queued items into the caller's (empty) arrays,
    /// so the buffers' capacity is reused instead of reallocated on every wake-up.
    func drain(completions: inout [Completion], commands: inout [Command]) {
        var counter: UInt64 = 0
        _ = try? syscallUnlessWouldBlock("read") { read(eventFD, &counter, 8) }
        state.withLock { state in
            swap(&completions, &state.completions)
            swap(&commands, &state.commands)
            state.signalled = false
        }
    }

    /// Loop thread, last thing it does: refuse further posts, close the eventfd, wake shutdown waiters.
    func close() {
        let wasOpen = state.withLock { state -> Bool in
            defer { state.isOpen = false }
            return state.isOpen
        }
        // No new wake can start now; let the ones in progress finish their write first.
        while state.withLock({ $0.wakesInFlight }) > 0 { sched_yield() }
        if wasOpen { closeDescriptor(eventFD) }
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            defer { state.stopWaiters = [] }
            return state.stopWaiters
        }
        waiters.forEach { $0.resume() }
    }

    /// Suspends until the loop has called `close()`.
    func waitUntilClosed() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let alreadyClosed = state.withLock { state -> Bool in
                if state.isOpen { state.stopWaiters.append(continuation) }
                return !state.isOpen
            }
            if alreadyClosed { continuation.resume() }
        }
    }

    /// Under the lock: whether this poster must write the eventfd (only the first since the last
    /// drain does), counting it as in flight.
    private func claimWake(_ state: inout State) -> Bool {
        guard !state.signalled else { return false }
        state.signalled = true
        state.wakesInFlight += 1
        return true
    }

    /// Outside the lock: a syscall held under the mutex made every handler thread queue behind it.
    private func wake() {
        var one: UInt64 = 1
        _ = try? syscallUnlessWouldBlock("write") { write(eventFD, &one, 8) }
        state.withLock { $0.wakesInFlight -= 1 }
    }
}
