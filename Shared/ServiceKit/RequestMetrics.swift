import HTTP
import Runtime

/// Counts every HTTP request by method and status class, and times it. Instruments are looked up
/// once per (method, status class) and then reused: the registry's lookup builds label strings,
/// which is too slow to repeat on every request of a hot path.
public struct RequestMetrics: HTTPMiddleware {
    private let metrics: MetricsRegistry
    private let counters = Locked<[String: Counter]>([:])
    private let duration: Histogram

    public init(metrics: MetricsRegistry) {
        self.metrics = metrics
        duration = metrics.histogram("tradeflow_http_request_duration_seconds", help: "Time to answer an HTTP request")
    }

    public func handle(_ request: HTTPRequest, next: @Sendable (HTTPRequest) async -> HTTPResponse) async -> HTTPResponse {
        let start = ContinuousClock.now
        let response = await next(request)
        let key = "\(request.method.rawValue) \(response.status.code / 100)"
        let counter = counters.withLock { cache in
            if let counter = cache[key] { return counter }
            let counter = metrics.counter("tradeflow_http_requests_total", help: "HTTP requests answered",
                                          labels: ["method": request.method.rawValue, "status": "\(response.status.code / 100)xx"])
            cache[key] = counter
            return counter
        }
        counter.increment()
        duration.observe((ContinuousClock.now - start).seconds)
        return response
    }
}
