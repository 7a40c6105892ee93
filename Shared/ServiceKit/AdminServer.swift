import Foundation
import HTTP
import Runtime

/// The admin port every service has: `/health/live`, `/health/ready` and `/metrics`.
/// Kept apart from the public API port so probes and scrapes never queue behind user traffic.
public enum AdminServer {
    public static func make(address: SocketAddress, readiness: Readiness, metrics: MetricsRegistry,
                            logger: Logger) -> HTTPServerService {
        var router = Router()
        AdminRoutes.install(on: &router, readiness: readiness, metrics: metrics)
        var configuration = HTTPServerConfiguration()
        configuration.host = address.host
        configuration.port = address.port
        configuration.maxConnections = 256
        return HTTPServerService(name: "admin-http", configuration: configuration, responder: router,
                                 logger: logger, drainSeconds: 1)
    }
}

/// The health and metrics routes, shared by every service's admin port and the gateway's API port.
public enum AdminRoutes {
    public static func install(on router: inout Router, readiness: Readiness, metrics: MetricsRegistry) {
        router.on(.GET, "/health/live") { _ in .json(["status": "alive"]) }
        router.on(.GET, "/health/ready") { _ in
            let body = HealthReport(status: readiness.isReady ? "ready" : "not-ready", checks: readiness.report)
            return .json(body, status: readiness.isReady ? .ok : .serviceUnavailable)
        }
        router.on(.GET, "/metrics") { _ in
            ProcessMetrics.update(metrics)
            var response = HTTPResponse.text(metrics.render())
            response.headers.replaceOrAdd("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            return response
        }
    }

    struct HealthReport: Encodable {
        let status: String
        let checks: [String: Bool]
    }
}

/// Process figures read from /proc at scrape time (what the benchmark and operators watch).
enum ProcessMetrics {
    static func update(_ metrics: MetricsRegistry) {
        if let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
           let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int64($0) }) {
            metrics.gauge("tradeflow_process_resident_memory_bytes", help: "Resident set size").set(pages * Int64(sysconf(Int32(_SC_PAGESIZE))))
        }
        if let fds = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            metrics.gauge("tradeflow_process_open_fds", help: "Open file descriptors").set(Int64(fds.count))
        }
        MemoryTrim.recordHeap(in: metrics)
    }
}
