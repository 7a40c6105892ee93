import Contracts
import Foundation
import Runtime

/// Orders the gateway accepted during a run (202), with when each was due to be sent, how long
/// its acceptance took and who placed it, and the error answers by kind.
final class AcceptedOrders: Sendable {
    struct Entry: Sendable {
        let due: ContinuousClock.Instant
        /// Seconds from when the order was due to its `202`, retries included: what the dealer waited.
        let acceptedAfter: Double
        let buyer: Int
        let lines: Int
    }

    private let state = Locked<(orders: [OrderID: Entry], errors: [String: Int])>(([:], [:]))

    /// Records the `202` for `order` just read (the first one counts: a client's retry gets the
    /// same order back).
    func accept(_ order: String, due: ContinuousClock.Instant, buyer: Int, lines: Int) {
        guard let id = try? OrderID(order) else { return }
        let entry = Entry(due: due, acceptedAfter: (ContinuousClock.now - due).seconds, buyer: buyer, lines: lines)
        state.withLock { $0.orders[id] = $0.orders[id] ?? entry }
    }

    func refuse(_ kind: String) { state.withLock { $0.errors[kind, default: 0] += 1 } }

    var orders: [OrderID: Entry] { state.withLock { $0.orders } }
    var errors: [String: Int] { state.withLock { $0.errors } }

    /// Waits until every accepted order has a decision in `watcher` (or `timeout` passes); returns
    /// how many are still undecided.
    func drain(_ watcher: SagaWatcher, timeout: Duration) async -> Int {
        let deadline = ContinuousClock.now + timeout
        var undecided = Int.max
        while ContinuousClock.now < deadline {
            let decided = watcher.snapshot.decisions
            undecided = orders.keys.filter { decided[$0] == nil }.count
            if undecided == 0 { return 0 }
            try? await Task.sleep(for: .milliseconds(250))
        }
        return undecided
    }

    /// How many of the accepted orders `watcher` has seen confirmed.
    func confirmedCount(_ watcher: SagaWatcher) -> Int {
        let decided = watcher.snapshot.decisions
        return orders.keys.filter { decided[$0]?.outcome == .confirmed }.count
    }

    /// Due -> `202` latencies of the accepted orders.
    func acceptanceLatencies() -> LatencyRecorder {
        var recorder = LatencyRecorder()
        for entry in orders.values { recorder.record(seconds: entry.acceptedAfter, status: 202) }
        return recorder
    }

    /// When the last `202` was read.
    func lastAcceptance() -> ContinuousClock.Instant? {
        orders.values.map { $0.due + .seconds($0.acceptedAfter) }.max()
    }

    /// When `watcher` saw the last of the accepted orders decided with `outcome`.
    func lastDecision(_ watcher: SagaWatcher, outcome: SagaWatcher.Outcome) -> ContinuousClock.Instant? {
        let decided = watcher.snapshot.decisions
        return orders.keys.compactMap { order in decided[order].flatMap { $0.outcome == outcome ? $0.seenAt : nil } }.max()
    }

    /// Placed -> decided latencies (seconds) of the accepted orders with `outcome`.
    func decisionLatencies(_ watcher: SagaWatcher, outcome: SagaWatcher.Outcome) -> LatencyRecorder {
        var recorder = LatencyRecorder()
        let decided = watcher.snapshot.decisions
        for (order, entry) in orders {
            guard let decision = decided[order], decision.outcome == outcome else { continue }
            recorder.record(seconds: (decision.seenAt - entry.due).seconds, status: 200)
        }
        return recorder
    }
}
