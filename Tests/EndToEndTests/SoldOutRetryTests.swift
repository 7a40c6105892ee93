import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

extension PlatformTests {
/// After a sell-out the gateway answers new orders for the SKU at once, while a client retrying
/// with its Idempotency-Key still gets the order it placed, also through a gateway that restarted
/// (and so only knows the order from inventory's answers in its stock replica).
@Suite struct SoldOutRetryTests {
    let saga = SagaFlowTests()

    @Test func newKeysAreToldSoldOutAtOnce_retriedKeysGetTheirOrder_evenAfterAGatewayRestart() async throws {
        let platform = try await DevPlatform.start()
        let api = GatewayClient(port: platform.httpPort)
        let buyer = try await api.login("metro.buyer")
        let sku = "P0031-1"   // minimum order quantity 10
        // The SKU's own supplier is the one allowed to see and adjust its stock.
        var warehouse = ""
        var owner = ""
        var stock: [String: Any] = [:]
        for user in ["tea.warehouse", "sunrise.warehouse"] {
            let token = try await api.login(user)
            let answer = try await api.send("GET", "/v1/inventory/\(sku)", token: token)
            if answer.status == 200 { (warehouse, owner, stock) = (token, user, answer.object) }
        }
        try #require(!warehouse.isEmpty, "a demo supplier holds \(sku)")

        // Leave exactly 10 units available, taken from the warehouses that hold them.
        var excess = try #require(stock["available"] as? Int) - 10
        for (depot, units) in ((stock["onHand"] as? [String: Int]) ?? [:]).sorted(by: { $0.key < $1.key }) where excess > 0 {
            let delta = min(units, excess)
            let adjusted = try await api.send("POST", "/v1/inventory/\(sku)/adjustments", token: warehouse,
                                              json: ["warehouse": depot, "delta": -delta, "reason": "flash sale allotment"])
            #expect(adjusted.status == 200, "\(adjusted.text)")
            excess -= delta
        }
        #expect(await eventually(timeout: .seconds(10)) { (try? await saga.available(api, buyer, sku)) == 10 })

        let first = try await saga.place(api, buyer, lines: [(sku, 10)], key: "allotment-1")
        #expect(first.status == 202, "\(first.text)")
        let order = try #require(first.object["order"] as? String)
        #expect(await eventually(timeout: .seconds(10)) { (try? await saga.available(api, buyer, sku)) == 0 }, "sold out")

        let late = try await saga.place(api, buyer, lines: [(sku, 10)], key: "allotment-2")
        #expect(late.status == 409 && late.text.contains("sold-out") && late.errorField == "lines[0].sku", "\(late.text)")
        let retried = try await saga.place(api, buyer, lines: [(sku, 10)], key: "allotment-1")
        #expect(retried.status == 202 && retried.object["order"] as? String == order, "\(retried.text)")
        // The key of an order that got in is not a way past "sold out" for another order.
        let reused = try await saga.place(api, buyer, lines: [(sku, 20)], key: "allotment-1")
        #expect(reused.status == 422 && reused.text.contains("idempotency-key-reused") && reused.errorField == "Idempotency-Key",
                "\(reused.text)")

        // A shop listing the sold-out SKU shows it sold out, not available.
        let world = try DemoWorld.load(platform)
        let supplier = world.company(of: owner)
        let distributor = try await api.login("youxuan.admin")
        let listed = try await api.send("POST", "/v1/shops/\(world.shop)/listings", token: distributor, json: [
            "supplier": supplier, "skus": [sku], "pricing": ["kind": "markup", "basisPoints": 1_000]])
        if listed.status == 200 {
            let shop = try await api.send("GET", "/v1/shops/\(world.shop)/listings", token: buyer)
            let row = (shop.object["listings"] as? [[String: Any]])?.first { $0["sku"] as? String == sku }
            #expect(row?["status"] as? String == "sold-out", "\(String(describing: row))")
        } else {
            Issue.record("listing \(sku) in the demo shop: \(listed.text)")
        }

        // A restarted gateway knows nothing it placed; inventory's answers name the order.
        let pid = try #require(platform.status?.services["gateway"]?.pid)
        kill(pid, SIGKILL)
        let back = await eventually(timeout: .seconds(60), every: .milliseconds(200)) {
            guard let entry = platform.status?.services["gateway"], entry.running, entry.pid != pid else { return false }
            return (try? await saga.available(api, buyer, sku)) == 0
        }
        #expect(back, "the gateway came back with its stock replica restored")
        let afterRestart = try await saga.place(api, buyer, lines: [(sku, 10)], key: "allotment-1")
        #expect(afterRestart.status == 202 && afterRestart.object["order"] as? String == order, "\(afterRestart.text)")
        let stillLate = try await saga.place(api, buyer, lines: [(sku, 10)], key: "allotment-3")
        #expect(stillLate.status == 409 && stillLate.text.contains("sold-out"), "\(stillLate.text)")

        // Only the retried order was looked up: the new keys were answered without asking order.
        let lookups = try await KafkaCLI(bootstrap: platform.bootstrap).read("order.commands.v1")
            .filter { $0.contains("\"type\":\"order.get-order\"") }
        #expect(lookups.count == 3 && lookups.allSatisfy { $0.contains("\"\(order)\"") }, "\(lookups)")
        _ = await platform.interrupt()
    }
}
}
