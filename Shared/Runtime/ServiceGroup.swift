import Foundation
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
        let watchdog = ShutdownWatchdog(timeout: shutdownTimeout, logger: logger)
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
            // The signal wait itself cannot be cancelled; the group's child waits on a box that the
            // signal or the group's cancellation fills, so the group can end after a failure too.
            let stop = StopBox()
            let stopSignal = self.stopSignal
            Task { stop.fill(await stopSignal()) }
            group.addTask {
                await withTaskCancellationHandler { .signal(await stop.value()) } onCancel: { stop.fill(0) }
            }

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
            // From here on the deadline counts: stopping every service, and the group waiting for
            // every service's `run` to return (a restore retrying against a Kafka that is gone).
            watchdog.arm()
            for service in services.reversed() {
                await service.shutdown()
                logger.debug("service stopped", ["component": service.name])
            }
            group.cancelAll()
            return result
        }
        watchdog.disarm()
        return outcome
    }
}

/// A value filled once (the stop signal, or 0 when the wait is cancelled), awaited by one task.
private final class StopBox: Sendable {
    private let state = Locked<(value: Int32?, waiter: CheckedContinuation<Int32, Never>?)>((nil, nil))

    func fill(_ value: Int32) {
        let waiter = state.withLock { state -> CheckedContinuation<Int32, Never>? in
            guard state.value == nil else { return nil }
            state.value = value
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: value)
    }

    func value() async -> Int32 {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> Int32? in
                if state.value == nil { state.waiter = continuation }
                return state.value
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}

/// Ends the process with exit code 1 if a graceful stop takes longer than its deadline. A thread of
/// its own, not a task: a stop can hang precisely because the cooperative pool's threads are all
/// blocked, and then a sleeping task would never wake to enforce the deadline.
public final class ShutdownWatchdog: Sendable {
    private let timeout: Duration
    private let logger: Logger
    private let expire: @Sendable () -> Void
    private let state = Locked<(armed: Bool, done: Bool)>((false, false))

    /// `expire` ends the process (tests pass their own).
    public init(timeout: Duration, logger: Logger, expire: @escaping @Sendable () -> Void = { _exit(1) }) {
        self.timeout = timeout
        self.logger = logger
        self.expire = expire
    }

    public func arm() {
        let first = state.withLock { state -> Bool in
            defer { state.armed = true }
            return !state.armed
        }
        guard first else { return }
        let thread = Thread { [self] in
            Thread.sleep(forTimeInterval: timeout.seconds)
            guard !state.withLock({ $0.done }) else { return }
            logger.error("graceful shutdown exceeded its deadline", ["timeoutSeconds": "\(timeout.seconds)"])
            // _exit, not exit: exit runs atexit handlers and destructors, which can wait forever
            // on a lock a stuck thread holds (seen with librdkafka while its broker was gone).
            expire()
        }
        thread.name = "shutdown-watchdog"
        thread.start()
    }

    public func disarm() { state.withLock { $0.done = true } }
}
