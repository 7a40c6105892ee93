import Runtime

/// Runs `tick` every `interval` until shutdown: the timers of the services (order expiry,
/// scheduled catalog changes, overdue invoices). What is due is always read from the state
/// restored from Kafka, so a restart loses no deadline; a tick only turns it into a command.
public struct Ticker: Service {
    public let name: String
    private let interval: Duration
    private let tick: @Sendable () async -> Void
    private let stopped = Latch()

    public init(name: String, every interval: Duration, tick: @escaping @Sendable () async -> Void) {
        self.name = name
        self.interval = interval
        self.tick = tick
    }

    public func run() async throws {
        while !stopped.isOpen {
            try? await Task.sleep(for: interval)
            if stopped.isOpen { break }
            await tick()
        }
    }

    public func shutdown() async { stopped.open() }
}
