import HTTP
import Runtime

/// Counts every HTTP request by method and status class, and times it.
public struct RequestMetrics: HTTPMiddleware {
    private let metrics: MetricsRegistry

    public init(metrics: MetricsRegistry) { self.metrics = metrics }

    public func handle(_ request: HTTPRequest, next: @Sendable (HTTPRequest) async -> HTTPResponse) async -> HTTPResponse {
        let start = ContinuousClock.now
        let response = await next(request)
        let statusClass = "\(response.status.code / 100)xx"
        metrics.counter("tradeflow_http_requests_total", help: "HTTP requests answered",
                        labels: ["method": request.method.rawValue, "status": statusClass]).increment()
        metrics.histogram("tradeflow_http_request_duration_seconds", help: "Time to answer an HTTP request")
            .observe((ContinuousClock.now - start).seconds)
        return response
    }
}
