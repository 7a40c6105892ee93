import Foundation
import Runtime
#if canImport(Glibc)
import Glibc
#endif

/// One process that `tradeflow dev` keeps running.
struct ManagedService: Sendable {
    let name: String
    let executable: String
    let environment: [String: String]
    let logFile: String
    let adminPort: Int
}

/// Starts every service as its own OS process, restarts one that dies (loudly, counting restarts,
/// backing off if it keeps dying) and on shutdown stops them all: SIGTERM, then SIGKILL for any
/// that has not exited after the grace period. Each child is watched by a thread blocked in
/// `waitpid`, so exits are noticed at once without polling.
final class Supervisor: Service, Sendable {
    let name = "supervisor"
    let services: [ManagedService]
    private let console: Console
    private let onChange: @Sendable ([String: ServiceStatus]) -> Void
    private let statuses = Locked<[String: ServiceStatus]>([:])
    private let stopping = Latch()
    private let allExited = Latch()
    private let gracePeriod: Duration

    struct ServiceStatus: Sendable, Codable {
        var pid: Int32?
        var restarts: Int
        var running: Bool
        var lastExit: String?
    }

    init(services: [ManagedService], console: Console, gracePeriod: Duration = .seconds(10),
         onChange: @escaping @Sendable ([String: ServiceStatus]) -> Void) {
        self.services = services
        self.console = console
        self.gracePeriod = gracePeriod
        self.onChange = onChange
    }

    var current: [String: ServiceStatus] { statuses.withLock { $0 } }

    func run() async throws {
        let remaining = Locked(services.count)
        for service in services {
            let thread = Thread { [self] in
                watch(service)
                let left = remaining.withLock { count in
                    count -= 1
                    return count
                }
                if left == 0 { allExited.open() }
            }
            thread.name = "watch-\(service.name)"
            thread.start()
        }
        await allExited.wait()
    }

    func shutdown() async {
        stopping.open()
        let pids = statuses.withLock { $0.values.compactMap { $0.running ? $0.pid : nil } }
        pids.forEach { kill($0, SIGTERM) }
        let exitedInTime = await withTaskGroup(of: Bool.self) { group in
            group.addTask { [allExited] in await allExited.wait(); return true }
            group.addTask { [gracePeriod] in (try? await Task.sleep(for: gracePeriod)) != nil ? false : true }
            let first = await group.next() ?? true
            group.cancelAll()
            return first
        }
        if !exitedInTime {
            let stragglers = statuses.withLock { $0.filter { $0.value.running } }
            for (name, status) in stragglers {
                console.alert("\(name) did not stop within \(gracePeriod); killing it")
                if let pid = status.pid { kill(pid, SIGKILL) }
            }
            await allExited.wait()
        }
    }

    /// Changes one service's status and publishes the whole picture; done under the lock so a
    /// slower writer can never overwrite a newer picture with an older one.
    private func update(_ name: String, _ change: (inout ServiceStatus) -> Void) {
        statuses.withLock { all in
            var status = all[name] ?? ServiceStatus(pid: nil, restarts: 0, running: false, lastExit: nil)
            change(&status)
            all[name] = status
            onChange(all)
        }
    }

    /// Runs on the service's own thread for the life of the supervisor.
    private func watch(_ service: ManagedService) {
        var backoff = Duration.seconds(1)
        while !stopping.isOpen {
            let started = ContinuousClock.now
            let process: SpawnedProcess
            do {
                process = try SpawnedProcess.spawn(executable: service.executable, environment: service.environment,
                                                   logFile: service.logFile)
            } catch {
                console.alert("cannot start \(service.name): \(error)")
                update(service.name) { $0.lastExit = "\(error)" }
                sleepUnlessStopping(backoff)
                continue
            }
            update(service.name) { $0.pid = process.pid; $0.running = true }
            // The stop request may have come between the check above and the spawn.
            if stopping.isOpen { process.signal(SIGTERM) }
            let status = process.waitForExit()
            update(service.name) { $0.running = false; $0.lastExit = status.description }
            if stopping.isOpen { break }

            update(service.name) { $0.restarts += 1 }
            let restarts = statuses.withLock { $0[service.name]?.restarts ?? 0 }
            console.alert("\(service.name) (pid \(process.pid)) \(status); restarting it (restart #\(restarts)). Log: \(service.logFile)")
            // A service that ran for a while gets a quick restart; one that dies at once backs off.
            backoff = ContinuousClock.now - started > .seconds(60) ? .seconds(1) : min(backoff * 2, .seconds(30))
            sleepUnlessStopping(backoff)
        }
    }

    private func sleepUnlessStopping(_ duration: Duration) {
        let deadline = ContinuousClock.now + duration
        while !stopping.isOpen && ContinuousClock.now < deadline { usleep(50_000) }
    }
}
