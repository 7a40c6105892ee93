import Foundation
import Testing
import TestSupport

/// Per-company token buckets at the gateway: a noisy company gets 429 with Retry-After, and
/// another company is not slowed by it.
extension PlatformTests {
@Suite struct RateLimitTests {
    @Test func noisyCompany_gets429WithRetryAfter_whileAnotherCompanyIsServed() async throws {
        let platform = try await DevPlatform.start(environment: ["TRADEFLOW_RATE_LIMIT_PER_SECOND": "1",
                                                                 "TRADEFLOW_RATE_LIMIT_BURST": "5"])
        let api = GatewayClient(port: platform.httpPort)
        let noisy = try await api.login("metro.buyer")
        let quiet = try await api.login("chengdu.buyer")
        var statuses: [Int] = []
        var retryAfter: String?
        for _ in 0..<12 {
            let reply = try await api.send("GET", "/v1/products?pageSize=1", token: noisy)
            statuses.append(reply.status)
            if reply.status == 429 {
                retryAfter = reply.headers.first { $0.name.lowercased() == "retry-after" }?.value
                #expect((reply.object["error"] as? [String: Any])?["code"] as? String == "rate-limited")
            }
        }
        #expect(statuses.prefix(5).allSatisfy { $0 == 200 }, "the burst is served: \(statuses)")
        #expect(statuses.contains(429), "then the company is limited: \(statuses)")
        #expect(Int(retryAfter ?? "") ?? 0 >= 1)
        #expect(try await api.send("GET", "/v1/products?pageSize=1", token: quiet).status == 200, "other companies are unaffected")
        _ = await platform.interrupt()
    }
}
}
