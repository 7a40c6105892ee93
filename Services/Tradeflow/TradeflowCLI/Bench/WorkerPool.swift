import Foundation
import Runtime

/// Jobs handled by threads with one keep-alive connection each, for the bench's clients that
/// block on the platform (shipping confirmed orders, retrying placements) while the open-loop
/// load keeps its pace. Idle workers sleep on a semaphore instead of polling: the bench shares
/// the CPU with what it measures.
final class WorkerPool<Job: Sendable>: Sendable {
    private struct Queue {
        var jobs: [Job] = []
        var head = 0
        /// No more jobs are waited for; workers leave once the queue is empty (or at `deadline`).
        var closed = false
        var deadline: ContinuousClock.Instant?
        /// Workers started, each woken once when the queue closes.
        var workers = 0
    }

    private let name: String
    private let host: String
    private let port: Int
    private let queue = Locked(Queue())
    /// Signalled once per job queued (and per worker when the queue closes).
    private let arrivals = DispatchSemaphore(value: 0)

    init(name: String, host: String, port: Int) {
        self.name = name
        self.host = host
        self.port = port
    }

    func enqueue(_ job: Job) {
        queue.withLock { $0.jobs.append(job) }
        arrivals.signal()
    }

    /// Starts `workers` threads that hand each job to `handle`; the task ends once `close` was
    /// called and the queue is empty, or its deadline passed.
    func start(workers: Int, handle: @escaping @Sendable (Job, KeepAliveConnection) -> Void) -> Task<Void, Never> {
        queue.withLock { $0.workers = workers }
        let name = name
        return Task {
            await withTaskGroup(of: Void.self) { group in
                for worker in 0..<workers {
                    group.addTask { await onDedicatedThread(name: "\(name)-\(worker)") { self.work(handle) } }
                }
            }
        }
    }

    /// Stops waiting for jobs: workers finish what is queued and leave, or leave at `deadline`
    /// with jobs still queued. Await the task `start` returned, then read `unhandled`.
    func close(deadline: ContinuousClock.Instant) {
        let waiting = queue.withLock { queue in
            queue.closed = true
            queue.deadline = deadline
            return queue.workers
        }
        for _ in 0..<waiting { arrivals.signal() }
    }

    /// Jobs queued that no worker took.
    var unhandled: Int { queue.withLock { $0.jobs.count - $0.head } }

    private func work(_ handle: (Job, KeepAliveConnection) -> Void) {
        let connection = KeepAliveConnection(host: host, port: port)
        while true {
            let next: Job?? = queue.withLock { queue in
                if let deadline = queue.deadline, ContinuousClock.now >= deadline { return .some(nil) }
                guard queue.head < queue.jobs.count else { return queue.closed ? .some(nil) : nil }
                defer {
                    queue.head += 1
                    // Drop handled jobs now and then so a long run's queue does not keep them all.
                    if queue.head >= 4_096 && queue.head * 2 >= queue.jobs.count {
                        queue.jobs.removeFirst(queue.head)
                        queue.head = 0
                    }
                }
                return .some(queue.jobs[queue.head])
            }
            switch next {
            case .none: _ = arrivals.wait(timeout: .now() + .milliseconds(200))
            case .some(.none): return
            case let .some(.some(job)): handle(job, connection)
            }
        }
    }
}
