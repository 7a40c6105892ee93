import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGTERM / SIGINT into an awaitable event. The default handlers are disabled so the
/// process is not killed before it has stored its offsets.
public enum SignalWatcher {
    /// Waits until one of `signals` arrives and returns it.
    public static func wait(for signals: [Int32] = [SIGTERM, SIGINT]) async -> Int32 {
        let box = SignalSources()
        return await withCheckedContinuation { continuation in
            let resumed = Locked(false)
            for signalNumber in signals {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler {
                    let first = resumed.withLock { done in
                        defer { done = true }
                        return !done
                    }
                    if first { continuation.resume(returning: signalNumber) }
                }
                source.resume()
                box.keep(source)
            }
        }
    }
}

/// Keeps the dispatch sources alive for the life of the process (a signal may come at any time).
private final class SignalSources: Sendable {
    private let sources = Locked<[any DispatchSourceSignal]>([])
    func keep(_ source: any DispatchSourceSignal) { sources.withLock { $0.append(source) } }
}
