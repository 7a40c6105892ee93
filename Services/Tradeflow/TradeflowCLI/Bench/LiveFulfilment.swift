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
    private struct Tally {
        var orders = 0
        var shipments = 0
        var errors: [String: Int] = [:]
    }

    private let host: String
    /// The current token of a buyer company's user, and of a supplier company's warehouse user.
    private let buyerToken: @Sendable (String) -> String?
    private let warehouseToken: @Sendable (String) -> String?
    private let pool: WorkerPool<SagaWatcher.Confirmed>
    private let tally = Locked(Tally())
    private let began = ContinuousClock.now

    init(gateway: SocketAddress, buyerToken: @escaping @Sendable (String) -> String?,
         warehouseToken: @escaping @Sendable (String) -> String?) {
        host = gateway.host
        pool = WorkerPool(name: "fulfil", host: gateway.host, port: gateway.port)
        self.buyerToken = buyerToken
        self.warehouseToken = warehouseToken
    }

    func enqueue(_ order: SagaWatcher.Confirmed) { pool.enqueue(order) }

    /// Starts `workers` threads; the task ends when `finish` has closed the queue and it is empty.
    func start(workers: Int) -> Task<Void, Never> {
        pool.start(workers: workers) { job, connection in self.fulfil(job, on: connection) }
    }

    /// Closes the queue, waits up to `timeout` for the workers to ship what is queued, then for
    /// the platform to complete those orders (`completed` reads the watcher's count).
    func finish(_ workers: Task<Void, Never>, timeout: Duration, completed: @Sendable () -> Int) async -> Fulfilment.Figures {
        let deadline = ContinuousClock.now + timeout
        pool.close(deadline: deadline)
        await workers.value
        let figures = tally.withLock { $0 }
        while completed() < figures.orders && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(250))
        }
        var errors = figures.errors
        let left = pool.unhandled
        if left > 0 { errors["not shipped before the deadline", default: 0] += left }
        return Fulfilment.Figures(orders: figures.orders, shipments: figures.shipments, completed: completed(),
                                  seconds: (ContinuousClock.now - began).seconds, errors: errors)
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

    /// Sends `request`, repeated while the gateway cannot answer yet (`PatientSend`); false (and
    /// the error counted by kind) when it was refused or the budget ran out.
    private func send(_ request: [UInt8], as kind: String, on connection: KeepAliveConnection) -> Bool {
        switch PatientSend.send(request, on: connection, due: .now) {
        case let .answered(response) where (200..<300).contains(response.status):
            return true
        case let .answered(response):
            note("\(kind) \(response.status) \(OrderRequests.errorCode(in: response.body) ?? "")")
        case let .gaveUp(last):
            note("\(kind) \(last)")
        }
        return false
    }

    private func note(_ error: String) {
        tally.withLock { $0.errors[error, default: 0] += 1 }
    }
}
