import GatewayCore
import HTTP
import Runtime

/// Admission for request/reply: at most `TRADEFLOW_GATEWAY_MAX_PENDING_REPLIES` requests wait for
/// a service's answer at once (see `PendingReplyLimit`); the rest are shed with 503 and
/// `Retry-After`, so a paused or slow service costs the gateway bounded memory.
final class ReplyGate: Sendable {
    private let state: Locked<PendingReplyLimit>
    private let retryAfterSeconds: Int
    private let pendingGauge: Gauge
    private let shedCounter: Counter

    init(limit: Int, requestTimeoutMilliseconds: Int, metrics: MetricsRegistry) {
        state = Locked(PendingReplyLimit(limit: limit))
        retryAfterSeconds = PendingReplyLimit.retryAfterSeconds(requestTimeoutMilliseconds: requestTimeoutMilliseconds)
        pendingGauge = metrics.gauge("tradeflow_gateway_pending_replies", help: "Requests waiting for a service's answer")
        metrics.gauge("tradeflow_gateway_pending_replies_limit",
                      help: "Most requests that may wait for a service's answer (TRADEFLOW_GATEWAY_MAX_PENDING_REPLIES)").set(Int64(limit))
        shedCounter = metrics.counter("tradeflow_gateway_shed_total", help: "Requests refused with 503 to shed load",
                                      labels: ["reason": "pending-replies"])
    }

    /// Runs `body` holding one place, or throws the 503 when every place is taken.
    func admitted<T>(service name: String, _ body: () async throws -> T) async throws -> T {
        let (admitted, pending, limit) = state.withLock { ($0.admit(), $0.pending, $0.limit) }
        guard admitted else {
            shedCounter.increment()
            throw ApiError(.serviceUnavailable, "overloaded",
                           "the gateway already has \(limit) requests waiting for services' answers "
                               + "(TRADEFLOW_GATEWAY_MAX_PENDING_REPLIES); the \(name) request was not sent; retry after \(retryAfterSeconds) s")
                .with(header: ("Retry-After", String(retryAfterSeconds)))
        }
        pendingGauge.set(Int64(pending))
        defer {
            let now = state.withLock { state -> Int in
                state.release()
                return state.pending
            }
            pendingGauge.set(Int64(now))
        }
        return try await body()
    }
}
