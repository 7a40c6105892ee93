@testable import GatewayService
import HTTP
import Runtime
import Testing

/// A gateway still reading its replicas answers the public API with 503, never from half a replica.
@Suite struct ReadinessGateTests {
    func answer(_ path: String, readiness: Readiness) async -> HTTPResponse {
        await ReadinessGate(readiness: readiness).handle(HTTPRequest(method: .GET, target: path)) { _ in
            HTTPResponse(status: .ok)
        }
    }

    @Test func beforeReady_theApiIs503WithRetryAfter_healthStaysOpen() async {
        let readiness = Readiness()
        readiness.require("replicas-restored")
        let api = await answer("/v1/products/P0002-1/price?quantity=20", readiness: readiness)
        #expect(api.status == .serviceUnavailable)
        #expect(api.headers["Retry-After"] == "1")
        #expect(String(decoding: api.body, as: UTF8.self).contains("not-ready"))
        #expect(await answer("/health/ready", readiness: readiness).status == .ok)
        #expect(await answer("/metrics", readiness: readiness).status == .ok)
    }

    @Test func onceReady_everyRequestPasses() async {
        let readiness = Readiness()
        readiness.require("replicas-restored")
        readiness.set("replicas-restored", true)
        #expect(await answer("/v1/products", readiness: readiness).status == .ok)
    }
}
