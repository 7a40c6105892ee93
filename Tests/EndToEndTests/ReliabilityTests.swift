import Foundation
import Testing
import TestSupport

extension PlatformTests {
/// The quick variant of `tradeflow reliability` against a fresh platform, so CI covers poison
/// messages, hostile HTTP and load shedding; plus the fuzzer's finding as a direct regression test.
@Suite struct ReliabilityTests {
    @Test func quickReliabilitySuite_passesEveryCheck() async throws {
        // A small pending-reply bound keeps the shedding check to a few dozen connections.
        let platform = try await DevPlatform.start(environment: ["TRADEFLOW_GATEWAY_MAX_PENDING_REPLIES": "24"])
        let run = try await runTool(BuiltProducts.executable("tradeflow").path,
                                    ["reliability", "--quick", "--dir", platform.directory.path, "--fuzz", "160", "--seed", "42"],
                                    timeout: .seconds(150))
        #expect(run.code == 0, "\(run.output.suffix(4_000))")
        #expect(run.output.contains("all 15 checks passed"), "\(run.output.suffix(4_000))")
        #expect(run.output.contains("limit 24"), "the gateway reported the configured bound")
        #expect(platform.status?.services["order"]?.running == true, "the paused order service was resumed")
    }

    /// Found by the fuzzer: prices in an order body were silently ignored and the order placed.
    @Test func orderWithPricesInTheBody_isRefusedNamingTheField() async throws {
        let platform = try await DevPlatform.start()
        let api = GatewayClient(port: platform.httpPort)
        let buyer = try await api.login("chengdu.buyer")
        let address: [String: Any] = ["name": "Li Wei", "phone": "13800000000", "region": "east-china", "city": "Shanghai", "street": "1 Road"]
        let withUnitPrice = try await api.send("POST", "/v1/orders", token: buyer, json: [
            "lines": [["sku": "P0003-1", "quantity": 20, "unitPrice": ["amount": 1, "currency": "CNY"]]],
            "deliveryAddress": address, "paymentMethod": "credit"])
        #expect(withUnitPrice.status == 400, "\(withUnitPrice.text)")
        #expect(withUnitPrice.text.contains("lines[0].unitPrice"), "\(withUnitPrice.text)")
        let withTotal = try await api.send("POST", "/v1/orders", token: buyer, json: [
            "lines": [["sku": "P0003-1", "quantity": 20]], "total": ["amount": 1, "currency": "CNY"],
            "deliveryAddress": address, "paymentMethod": "credit"])
        #expect(withTotal.status == 400, "\(withTotal.text)")
        let orders = try await api.send("GET", "/v1/orders", token: buyer).object["orders"] as? [Any]
        #expect(orders?.isEmpty == true, "nothing was placed")
    }
}
}
