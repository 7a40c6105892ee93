import Foundation

/// Runs a blocking call (a librdkafka admin request, a `waitpid`) on a fresh thread and suspends
/// the caller until it returns, so blocking work never occupies Swift's cooperative pool.
public func onDedicatedThread<T: Sendable>(name: String = "blocking", _ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: body()) }
        thread.name = name
        thread.start()
    }
}
