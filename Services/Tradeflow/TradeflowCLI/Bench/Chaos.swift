import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Crash testing under load: services of the dev platform are killed with SIGKILL, one after
/// another, and the dev supervisor restarts them. What the benchmark checks afterwards (every
/// accepted order decided, `verify` passes, a flash sale sells exactly its stock) is the proof that
/// nothing accepted was lost or doubled.
struct Chaos {
    /// Every service, the gateway last (a mixed run kills each once).
    static let order = ["inventory", "order", "payment", "notification", "analytics", "catalog", "gateway"]
    /// The services a flash sale's orders wait on, in the order their crashes are staged. The
    /// order service first: attempts sent while it restarts outlast the gateway's wait (504) but
    /// are placed when it is back, so units go to orders whose answer was lost, and the sale must
    /// still be counted right.
    static let sale = ["order", "inventory", "payment"]

    let platform: BenchPlatform
    let console: Console

    /// Kills every service at even intervals over `duration`; returns the names it killed.
    func start(over duration: Duration) -> Task<[String], Never> {
        Task {
            var killed: [String] = []
            let interval = duration / (Self.order.count + 1)
            for name in Self.order {
                try? await Task.sleep(for: interval)
                if kill(name) { killed.append(name) }
            }
            return killed
        }
    }

    /// Kills the sale's services one by one while the hot SKU is still selling: each as the units
    /// reserved (`reserved()`, read every 10 ms) pass the next of 1/4, 2/4 and 3/4 of `stock`.
    /// Triggered by the sale's progress rather than by the clock, so every crash lands mid-sale on
    /// a fast machine and a slow one alike. Cancel the task to stop waiting (once the sale is
    /// settled); returns the names it killed.
    func startDuringSale(stock: Int64, reserved: @escaping @Sendable () -> Int) -> Task<[String], Never> {
        Task {
            var killed: [String] = []
            let parts = Int64(Self.sale.count + 1)
            for (step, name) in Self.sale.enumerated() {
                let threshold = Int((stock * Int64(step + 1) + parts - 1) / parts)  // rounded up
                while reserved() < threshold {
                    guard (try? await Task.sleep(for: .milliseconds(10))) != nil else { return killed }
                }
                if kill(name) { killed.append(name) }
            }
            return killed
        }
    }

    private func kill(_ name: String) -> Bool {
        guard let pid = platform.services[name]?.pid, Glibc.kill(pid, SIGKILL) == 0 else { return false }
        console.say("chaos: SIGKILL \(name) (pid \(pid))")
        return true
    }
}
