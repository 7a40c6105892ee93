import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Crash testing under load: every service of the dev platform is killed with SIGKILL once, one
/// after another across the run (the gateway last), and the dev supervisor restarts it. What the
/// benchmark checks afterwards (every accepted order decided, `verify` passes) is the proof that
/// nothing accepted was lost or doubled.
struct Chaos {
    static let order = ["inventory", "order", "payment", "notification", "analytics", "catalog", "gateway"]

    let platform: BenchPlatform
    let console: Console

    /// Kills the services at even intervals over `duration`; returns the names it killed.
    func start(over duration: Duration) -> Task<[String], Never> {
        Task {
            var killed: [String] = []
            let interval = duration / (Self.order.count + 1)
            for name in Self.order {
                try? await Task.sleep(for: interval)
                guard let pid = platform.services[name]?.pid, kill(pid, SIGKILL) == 0 else { continue }
                console.say("chaos: SIGKILL \(name) (pid \(pid))")
                killed.append(name)
            }
            return killed
        }
    }
}
