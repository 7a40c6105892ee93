import Contracts
import Foundation
import Runtime

/// `--fulfil-live`: while the load runs, each supplier ships an order as soon as it is confirmed
/// and the buyer confirms delivery, so orders finish as they do in production (stock leaves the
/// warehouse, the money is captured, split and posted). What the services hold only while an
/// order is open (reservations, open-order tracks) is then measured at its steady size instead of
/// growing with every order of the run, and the run's load includes the fulfilment records.
///
/// Workers are threads with one keep-alive connection each (as the load generator's), taking
/// confirmed orders from a queue the saga watcher fills.
final class LiveFulfilment: Sendable {
    private struct Queue {
        var jobs: [SagaWatcher.Confirmed] = []
        var head = 0
        /// No more jobs will come; workers leave once the queue is empty (or at `deadline`).
        var closed = false
        var deadline: ContinuousClock.Instant?
        /// Workers started, each woken once when the queue closes.
        var workers = 0
    }

    private struct Tally {
        var orders = 0
        var shipments = 0
        var errors: [String: Int] = [:]
    }

    /// Answers worth repeating after a pause: the gateway shedding load or still reading its
    /// replicas after a restart (503, with `Retry-After`), a company over its rate (429), a service
    /// that did not answer in time (504). Repeating is safe: every ship and delivery carries its own
    /// `Idempotency-Key`, so a repeat of one that was applied gets the first answer back.
    private static let retryable: Set<Int> = [429, 503, 504]
    /// How long one request is repeated before it counts as failed: under `--chaos` a killed
    /// service restarts and catches up within seconds to tens of seconds, and a warehouse system
    /// would wait that long too.
    private static let retryBudget = Duration.seconds(60)
    /// The longest pause between two tries, whatever `Retry-After` asks.
    private static let longestPause = 5.0

    private let host: String
    private let port: Int
    /// The current token of a buyer company's user, and of a supplier company's warehouse user.
    private let buyerToken: @Sendable (String) -> String?
    private let warehouseToken: @Sendable (String) -> String?
    private let queue = Locked(Queue())
    /// Signalled once per job queued (and when the queue closes), so idle workers sleep instead of
    /// polling: the bench shares the CPU with what it measures.
    private let arrivals = DispatchSemaphore(value: 0)
    private let tally = Locked(Tally())
    private let began = ContinuousClock.now

    init(gateway: SocketAddress, buyerToken: @escaping @Sendable (String) -> String?,
         warehouseToken: @escaping @Sendable (String) -> String?) {
        host = gateway.host
        port = gateway.port
        self.buyerToken = buyerToken
        self.warehouseToken = warehouseToken
    }

    func enqueue(_ order: SagaWatcher.Confirmed) {
        queue.withLock { $0.jobs.append(order) }
        arrivals.signal()
    }

    /// Starts `workers` threads; the task ends when `finish` has closed the queue and it is empty.
    func start(workers: Int) -> Task<Void, Never> {
        queue.withLock { $0.workers = workers }
        return Task {
            await withTaskGroup(of: Void.self) { group in
                for worker in 0..<workers {
                    group.addTask { await onDedicatedThread(name: "fulfil-\(worker)") { self.work() } }
                }
            }
        }
    }

    /// Closes the queue, waits up to `timeout` for the workers to ship what is queued, then for
    /// the platform to complete those orders (`completed` reads the watcher's count).
    func finish(_ workers: Task<Void, Never>, timeout: Duration, completed: @Sendable () -> Int) async -> Fulfilment.Figures {
        let deadline = ContinuousClock.now + timeout
        let waiting = queue.withLock { queue in
            queue.closed = true
            queue.deadline = deadline
            return queue.workers
        }
        for _ in 0..<waiting { arrivals.signal() }
        await workers.value
        let figures = tally.withLock { $0 }
        while completed() < figures.orders && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(250))
        }
        var errors = figures.errors
        let left = queue.withLock { $0.jobs.count - $0.head }
        if left > 0 { errors["not shipped before the deadline", default: 0] += left }
        return Fulfilment.Figures(orders: figures.orders, shipments: figures.shipments, completed: completed(),
                                  seconds: (ContinuousClock.now - began).seconds, errors: errors)
    }

    private func work() {
        let connection = KeepAliveConnection(host: host, port: port)
        while true {
            let next: SagaWatcher.Confirmed?? = queue.withLock { queue in
                if let deadline = queue.deadline, ContinuousClock.now >= deadline { return .some(nil) }
                guard queue.head < queue.jobs.count else { return queue.closed ? .some(nil) : nil }
                defer {
                    queue.head += 1
                    // Drop shipped jobs now and then so a long run's queue does not keep them all.
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
            case let .some(.some(job)): fulfil(job, on: connection)
            }
        }
    }

    /// Ships and delivers every sub-order of `job`; the last delivery completes the order.
    private func fulfil(_ job: SagaWatcher.Confirmed, on connection: KeepAliveConnection) {
        let order = job.order.rawValue, buyer = job.buyer.rawValue
        guard let buyerToken = buyerToken(buyer) else { return note("no token for buyer \(buyer)") }
        for sub in job.subOrders {
            guard let warehouse = warehouseToken(sub.supplier.rawValue) else {
                return note("no warehouse user for supplier \(sub.supplier.rawValue)")
            }
            let path = "/v1/orders/\(order)/sub-orders/\(sub.subOrder)"
            let ship = OrderRequests.request("POST", "\(path)/ship?buyer=\(buyer)", host: host, token: warehouse,
                                             body: #"{"carrier":"SF Express","trackingNumber":"SF-BENCH-\#(sub.subOrder)"}"#,
                                             extra: "Idempotency-Key: ship-\(sub.subOrder)\r\n")
            guard send(ship, as: "ship", on: connection) else { return }
            let deliver = OrderRequests.request("POST", "\(path)/confirm-delivery", host: host, token: buyerToken, body: "{}",
                                                extra: "Idempotency-Key: deliver-\(sub.subOrder)\r\n")
            guard send(deliver, as: "confirm-delivery", on: connection) else { return }
            tally.withLock { $0.shipments += 1 }
        }
        tally.withLock { $0.orders += 1 }
    }

    /// Sends `request`, pausing (as `Retry-After` asks, or a little longer each time) and repeating
    /// it while the gateway cannot answer yet, for up to `retryBudget`; false (and the error
    /// counted by kind) when it was refused or the budget ran out.
    private func send(_ request: [UInt8], as kind: String, on connection: KeepAliveConnection) -> Bool {
        let giveUp = ContinuousClock.now + Self.retryBudget
        var last = ""
        var attempt = 0
        while true {
            attempt += 1
            var pause = min(0.05 * Double(attempt), Self.longestPause)
            do {
                let response = try connection.send(request)
                if (200..<300).contains(response.status) { return true }
                last = "\(response.status) \(OrderRequests.errorCode(in: response.body) ?? "")"
                guard Self.retryable.contains(response.status) else { break }
                if let seconds = response.retryAfterSeconds { pause = min(Double(seconds), Self.longestPause) }
            } catch {
                last = "\(error)" // refused or cut while the gateway restarts
            }
            guard ContinuousClock.now + .milliseconds(Int(pause * 1_000)) < giveUp else { break }
            Thread.sleep(forTimeInterval: pause)
        }
        note("\(kind) \(last)")
        return false
    }

    private func note(_ error: String) {
        tally.withLock { $0.errors[error, default: 0] += 1 }
    }
}
