import Foundation
import ReliabilityKit
import Runtime
#if canImport(Glibc)
import Glibc
#endif

/// An open-loop load: request `i` is due at `start + i / rate`, whatever happened to the requests
/// before it, and its latency is measured from that due time. A slow platform therefore shows up
/// as latency (and as achieved < offered), never hidden by a generator that politely waits
/// (coordinated omission). `connections` threads with one keep-alive connection each take the
/// next due request; if all are busy the request starts late and that wait counts.
struct OpenLoopLoad: Sendable {
    /// One request to send and what to do with its answer.
    struct Planned: Sendable {
        let kind: String
        let bytes: [UInt8]
        /// Called with the answer (on the sending thread); may return a follow-up request to send
        /// at once on the same connection (a client retry), recorded under its own kind.
        let onResponse: @Sendable (_ response: KeepAliveConnection.Response, _ due: ContinuousClock.Instant) -> Planned?
        /// Called instead of counting the error when the connection failed, for a request that
        /// its client will send again itself (see `PlacementRetries`); nil: counted by kind.
        let onFailure: (@Sendable (_ error: String, _ due: ContinuousClock.Instant) -> Void)?

        init(kind: String, bytes: [UInt8],
             onFailure: (@Sendable (_ error: String, _ due: ContinuousClock.Instant) -> Void)? = nil,
             onResponse: @escaping @Sendable (_ response: KeepAliveConnection.Response, _ due: ContinuousClock.Instant) -> Planned?) {
            self.kind = kind
            self.bytes = bytes
            self.onFailure = onFailure
            self.onResponse = onResponse
        }
    }

    struct Result: Sendable {
        var byKind: [String: LatencyRecorder] = [:]
        var offered = 0
        /// When the first request was due: the start of every rate's window.
        var start = ContinuousClock.now
        /// From `start` until the last request was sent (at least the duration asked for).
        var seconds: Double = 0
        /// How late the last requests started: > 0 means the connections could not keep up.
        var maxStartDelayMs: Double = 0
    }

    let host: String
    let port: Int
    let rate: Double
    let duration: Duration
    let connections: Int
    let plan: @Sendable (_ index: Int) -> Planned

    func run() async -> Result {
        let total = Int(rate * duration.seconds)
        let next = Locked(0)
        let results = Locked(Result())
        let start = ContinuousClock.now + .milliseconds(100)
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<connections {
                group.addTask {
                    let local = await onDedicatedThread(name: "load-\(worker)") {
                        runWorker(start: start, total: total, next: next)
                    }
                    results.withLock { result in
                        for (kind, recorder) in local.byKind { result.byKind[kind, default: LatencyRecorder()].merge(recorder) }
                        result.maxStartDelayMs = max(result.maxStartDelayMs, local.maxStartDelayMs)
                    }
                }
            }
        }
        var result = results.withLock { $0 }
        result.offered = total
        result.start = start
        result.seconds = max((ContinuousClock.now - start).seconds, duration.seconds)
        return result
    }

    private func runWorker(start: ContinuousClock.Instant, total: Int, next: Locked<Int>) -> Result {
        let connection = KeepAliveConnection(host: host, port: port)
        var result = Result()
        while true {
            let index = next.withLock { value -> Int in
                defer { value += 1 }
                return value
            }
            guard index < total else { break }
            let due = start + .nanoseconds(Int64(Double(index) / rate * 1_000_000_000))
            let wait = due - .now
            if wait > .zero {
                Thread.sleep(forTimeInterval: wait.seconds)
            } else {
                result.maxStartDelayMs = max(result.maxStartDelayMs, -wait.seconds * 1000)
            }
            var request: Planned? = plan(index)
            var attempts = 0
            while let current = request, attempts < 4 {
                attempts += 1
                do {
                    let response = try connection.send(current.bytes)
                    result.byKind[current.kind, default: LatencyRecorder()].record(seconds: (ContinuousClock.now - due).seconds,
                                                                                   status: response.status)
                    request = current.onResponse(response, due)
                } catch {
                    if let onFailure = current.onFailure {
                        onFailure("\(error)", due)
                    } else {
                        result.byKind[current.kind, default: LatencyRecorder()].recordError("\(error)")
                    }
                    request = nil
                }
            }
        }
        return result
    }
}

extension OpenLoopLoad.Result {
    /// The seconds a rate of orders answered by `last` is taken over (see `RateWindow`).
    func rateWindow(until last: ContinuousClock.Instant?) -> Double {
        RateWindow.seconds(load: seconds, from: start, until: last)
    }

    /// Failed requests by kind: the orders' refusals (`refused`, by status and error code), broken
    /// connections of every kind, and reads answered with a status >= 400.
    func errors(refused: [String: Int]) -> [String: Int] {
        var errors = refused
        for (kind, recorder) in byKind {
            for (error, count) in recorder.errors { errors["\(kind): \(error)", default: 0] += count }
            for (status, count) in recorder.statuses where status >= 400 && kind != "order" { errors["\(kind): \(status)", default: 0] += count }
        }
        return errors
    }
}
