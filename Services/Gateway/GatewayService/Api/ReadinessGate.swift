import HTTP
import Runtime

/// Answers the public API with `503 not-ready` + `Retry-After` until the gateway is ready: its
/// replicas of identity, catalog, stock and settlement rules read to their end and its reply
/// partitions joined. A gateway that has just started (or restarted after a crash) would otherwise
/// answer from half-read replicas: a valid token refused as invalid, a listed SKU as unknown.
/// Health and metrics stay open, so orchestrators can watch the start.
struct ReadinessGate: HTTPMiddleware {
    let readiness: Readiness

    func handle(_ request: HTTPRequest, next: @Sendable (HTTPRequest) async -> HTTPResponse) async -> HTTPResponse {
        guard request.path.hasPrefix("/v1/"), !readiness.isReady else { return await next(request) }
        return ApiError(.serviceUnavailable, "not-ready", "the gateway is still reading its replicas; retry shortly")
            .with(header: ("Retry-After", "1")).response
    }
}
