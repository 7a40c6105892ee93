import Foundation
import Testing
@testable import HTTP

/// Starts a real server on an ephemeral port for one test, and checks afterwards that every
/// descriptor it opened was closed again.
enum TestServer {
    /// Dispatch opens a timerfd per clock the first time a task sleeps on it and keeps it forever;
    /// sleeping once up front keeps those out of the leak checks.
    static let runtimeWarmUp = Task<Void, Never> {
        try? await Task.sleep(for: .milliseconds(1))
        try? await Task.sleep(nanoseconds: 1_000_000)
        try? await Task.sleep(until: .now + .milliseconds(1), clock: .suspending)
    }

    /// The router most tests use.
    static func router() -> Router {
        var router = Router()
        router.get("/hello") { _ in .text("hello") }
        router.get("/orders/{id}") { request in
            .json(["id": request.pathParameters["id"] ?? "", "q": request.query["q"] ?? ""])
        }
        router.post("/echo") { request in
            HTTPResponse(status: .ok, headers: ["Content-Type": "application/octet-stream"], body: request.body)
        }
        router.get("/delay/{ms}") { request in
            let milliseconds = Int(request.pathParameters["ms"] ?? "0") ?? 0
            try? await Task.sleep(for: .milliseconds(milliseconds))
            return .text("slept \(milliseconds)")
        }
        return router
    }

    /// Runs `body` against a started server, shuts it down, and then checks for leaks (polling up to
    /// 3 s, since closes after a lingering period take a moment):
    /// - no socket on the server's port is still open in this process (exact, whatever else runs);
    /// - with `strictDescriptorCount`, the total count of /proc/self/fd is back to the baseline too,
    ///   which also covers the server's epoll instance and eventfd. Tests that run curl turn that
    ///   off: Foundation's `Process` leaves per-thread run-loop descriptors (epoll, eventfd, timerfd)
    ///   behind, indistinguishable from the server's own by type. Off by default because the full
    ///   suite runs Kafka and end-to-end tests in the same process at the same time, which open
    ///   and close descriptors of their own; `swift test --filter HTTPTests` can turn it on with
    ///   HTTP_TESTS_STRICT_FD=1.
    static func with(
        _ configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
        responder: any HTTPResponder = router(),
        rejections: RejectionLog? = nil,
        strictDescriptorCount: Bool = ProcessInfo.processInfo.environment["HTTP_TESTS_STRICT_FD"] == "1",
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: (Int) async throws -> Void
    ) async throws {
        await runtimeWarmUp.value
        if !strictDescriptorCount {
            await Curl.warmUp.value
        }
        let baseline = DescriptorSnapshot()
        let server = HTTPServer(configuration: configuration, responder: responder,
                                onProtocolRejection: { status in rejections?.record(status) })
        let port = try server.start()
        do {
            try await body(port)
        } catch {
            await server.shutdown(deadline: 1)
            throw error
        }
        await server.shutdown(deadline: 2)
        #expect(server.boundPort == nil, sourceLocation: sourceLocation)
        let after = await DescriptorSnapshot.settling(to: baseline, port: port, strict: strictDescriptorCount)
        let onPort = after.sockets(onPort: port)
        #expect(onPort.isEmpty, "sockets on port \(port) left open: \(onPort)", sourceLocation: sourceLocation)
        if strictDescriptorCount {
            #expect(after.count <= baseline.count,
                    "descriptor leak: \(baseline.count) before, \(after.count) after: \(after.added(since: baseline))",
                    sourceLocation: sourceLocation)
        }
    }
}

/// All socket tests share process-wide state (descriptor counts, ports), so they run one at a time.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct ServerTests {}
