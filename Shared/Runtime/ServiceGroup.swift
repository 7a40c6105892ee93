#if canImport(Glibc)
import Glibc
#endif

/// Runs services side by side and stops them gracefully, in reverse start order, when the process
/// receives SIGTERM/SIGINT or when one of them fails. Stopping is bounded by `shutdownTimeout`:
/// an orchestrator kills the process soon after SIGTERM, so a hung service must not hold the rest.
public struct ServiceGroup: Sendable {
    public enum Outcome: Sendable, Equatable {
        case stoppedBySignal(Int32)
        case serviceFailed(name: String, reason: String)
        case allFinished
    }

    private let services: [any Service]
    private let logger: Logger
    private let shutdownTimeout: Duration
    private let stopSignal: @Sendable () async -> Int32

    public init(services: [any Service], logger: Logger, shutdownTimeout: Duration = .seconds(8),
                stopSignal: @escaping @Sendable () async -> Int32 = { await SignalWatcher.wait() }) {
        self.services = services
        self.logger = logger
        self.shutdownTimeout = shutdownTimeout
        self.stopSignal = stopSignal
    }

    private enum Event: Sendable {
        case signal(Int32)
        case finished(String)
        case failed(String, String)
    }

    /// Runs until a stop signal or a failure, then shuts every service down.
    public func run() async -> Outcome {
        let services = self.services
        let outcome: Outcome = await withTaskGroup(of: Event.self) { group in
            for service in services {
                group.addTask {
                    do {
                        try await service.run()
                        return .finished(service.name)
                    } catch {
                        return .failed(service.name, String(describing: error))
                    }
                }
            }
            group.addTask { .signal(await stopSignal()) }

            var finished = 0
            var result = Outcome.allFinished
            while let event = await group.next() {
                switch event {
                case .signal(let number):
                    logger.info("stop signal received, shutting down", ["signal": "\(number)"])
                    result = .stoppedBySignal(number)
                case .failed(let name, let reason):
                    logger.error("service failed, shutting down", ["component": name, "reason": reason])
                    result = .serviceFailed(name: name, reason: reason)
                case .finished(let name):
                    logger.debug("service finished", ["component": name])
                    finished += 1
                    if finished < services.count { continue }
                }
                break
            }
            await stopAll()
            group.cancelAll()
            return result
        }
        return outcome
    }

    /// Stops services in reverse start order, giving up after `shutdownTimeout` in total.
    private func stopAll() async {
        let services = self.services
        let logger = self.logger
        let completed = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for service in services.reversed() {
                    await service.shutdown()
                    logger.debug("service stopped", ["component": service.name])
                }
                return true
            }
            group.addTask { [shutdownTimeout] in
                try? await Task.sleep(for: shutdownTimeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        if !completed {
            // A task group waits for all its children, so a hung service would keep the process
            // alive forever; exiting non-zero lets the orchestrator see the failed shutdown.
            logger.error("graceful shutdown exceeded its deadline", ["timeoutSeconds": "\(shutdownTimeout.seconds)"])
            exit(1)
        }
    }
}
