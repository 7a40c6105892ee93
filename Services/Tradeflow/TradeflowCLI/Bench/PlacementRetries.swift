import Foundation
import ReliabilityKit
import Runtime

/// Orders a dealer's ordering system places again when the platform could not answer them: the
/// gateway shedding load or restarting (503, a refused or cut connection), the order service not
/// answering within the gateway's wait (504), the company over its rate (429). The same request
/// under the same `Idempotency-Key` is sent again after a pause (`PatientSend`), for up to a
/// minute from when the order was due. The key is what makes this safe: the retry of an order
/// that was placed after all (its answer lost in a crash) gets that order back, never a second
/// one, so under `--chaos` every order sent is accounted for, not only those answered at once.
///
/// Retries run on their own threads, so the open-loop load keeps its arrival rate while orders
/// wait to be tried again; their acceptance latency counts from the first due time.
final class PlacementRetries: Sendable {
    struct Job: Sendable {
        let request: [UInt8]
        let due: ContinuousClock.Instant
        let buyer: Int
        let lines: Int
        /// What the first try got: "503", "504", "429", or the connection error.
        let cause: String
        let retryAfterSeconds: Int?
    }

    struct Figures: Codable, Sendable {
        /// Orders tried again, by what their first try got.
        var causes: [String: Int] = [:]
        var accepted = 0
        /// Refused on a later try, by status and error code (also in the run's errors).
        var refused: [String: Int] = [:]
        /// Still unanswered when the budget ran out (also in the run's errors).
        var gaveUp = 0

        var orders: Int { causes.values.reduce(0, +) }
    }

    /// Enough threads to retry every order of a few seconds' outage at a few hundred orders/s
    /// while each try may wait the gateway's 5 s for a 504; idle ones sleep.
    static let workers = 256

    private let pool: WorkerPool<Job>
    private let accepted: AcceptedOrders
    private let figures = Locked(Figures())

    init(gateway: SocketAddress, accepted: AcceptedOrders) {
        pool = WorkerPool(name: "retry", host: gateway.host, port: gateway.port)
        self.accepted = accepted
    }

    func retry(_ job: Job) {
        figures.withLock { $0.causes[job.cause, default: 0] += 1 }
        pool.enqueue(job)
    }

    func start() -> Task<Void, Never> {
        pool.start(workers: Self.workers) { job, connection in self.place(job, on: connection) }
    }

    /// Waits for every queued retry to end (each is bounded by the retry budget) and returns
    /// what became of them. Call once the load has stopped sending.
    func finish(_ workers: Task<Void, Never>) async -> Figures {
        pool.close(deadline: .now + .seconds(ClientRetryPolicy.standard.budgetSeconds + 10))
        await workers.value
        var result = figures.withLock { $0 }
        let left = pool.unhandled
        if left > 0 {
            result.gaveUp += left
            for _ in 0..<left { accepted.refuse("order retry not started before the deadline") }
        }
        return result
    }

    private func place(_ job: Job, on connection: KeepAliveConnection) {
        let pause = ClientRetryPolicy.standard.pause(afterTries: 1, retryAfterSeconds: job.retryAfterSeconds)
        switch PatientSend.send(job.request, on: connection, due: job.due, firstPause: pause) {
        case let .answered(response):
            if response.status == 202, let order = OrderRequests.orderId(in: response.body) {
                accepted.accept(order, due: job.due, buyer: job.buyer, lines: job.lines)
                figures.withLock { $0.accepted += 1 }
            } else {
                let kind = "\(response.status) \(OrderRequests.errorCode(in: response.body) ?? "")"
                accepted.refuse(kind)
                figures.withLock { $0.refused[kind, default: 0] += 1 }
            }
        case let .gaveUp(last):
            accepted.refuse("gave up retrying after \(Int(ClientRetryPolicy.standard.budgetSeconds)) s: \(last)")
            figures.withLock { $0.gaveUp += 1 }
        }
    }
}
