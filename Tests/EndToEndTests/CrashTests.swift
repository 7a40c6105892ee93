import Foundation
import Testing
import Runtime
import TestSupport

extension PlatformTests {
/// Nothing lost, nothing doubled: orders keep flowing while inventory, order and payment are each
/// killed with SIGKILL and restarted by `tradeflow dev`.
@Suite struct CrashTests {
    static let skus = ["P0019-1", "P0021-1", "P0023-1", "P0029-1", "P0043-1"]   // MOQ 10 / 6 / 10, pack 2 / 1
    static let quantities = ["P0019-1": 10, "P0021-1": 10, "P0023-1": 10, "P0029-1": 6, "P0043-1": 10]

    @Test func killingInventoryOrderAndPayment_losesAndDoublesNothing() async throws {
        let platform = try await DevPlatform.start()
        let api = GatewayClient(port: platform.httpPort)
        let buyers = ["metro.buyer", "chengdu.buyer", "beijing.buyer"]
        var tokens: [String: String] = [:]
        for buyer in buyers { tokens[buyer] = try await api.login(buyer) }
        let tokenTable = tokens
        let initial = try await stock(api, tokenTable["metro.buyer"]!)

        let accepted = Locked<[String: String]>([:])   // order id -> buyer
        let stop = Latch()
        let load = Task {
            await withTaskGroup(of: Void.self) { group in
                for buyer in buyers {
                    group.addTask {
                        var n = 0
                        while !stop.isOpen && n < 40 {
                            n += 1
                            let sku = Self.skus[n % Self.skus.count]
                            let body: [String: Any] = [
                                "lines": [["sku": sku, "quantity": Self.quantities[sku]!]], "paymentMethod": "credit",
                                "deliveryAddress": ["name": "Li", "phone": "1", "region": "east-china", "city": "Shanghai", "street": "1"],
                            ]
                            // A client retries through timeouts and restarts with the same key.
                            for _ in 0..<60 {
                                if let reply = try? await api.sendWithHeaders("POST", "/v1/orders", token: tokenTable[buyer]!, json: body,
                                                                              headers: [("Idempotency-Key", "crash-\(buyer)-\(n)")]),
                                   reply.status == 202, let order = reply.object["order"] as? String {
                                    accepted.withLock { $0[order] = buyer }
                                    break
                                }
                                try? await Task.sleep(for: .milliseconds(500))
                            }
                            try? await Task.sleep(for: .milliseconds(150))
                        }
                    }
                }
            }
        }

        for service in ["inventory", "order", "payment"] {
            try await Task.sleep(for: .seconds(3))
            #expect(try await platform.killAndAwaitRestart(service), "\(service) was restarted")
        }
        try await Task.sleep(for: .seconds(3))
        stop.open()
        await load.value
        let orders = accepted.withLock { $0 }
        #expect(orders.count >= 30, "orders kept being accepted through the crashes: \(orders.count)")

        // Drain: every accepted order settles (confirmed, or rejected with a reason: e.g. credit).
        let settled: Set<String> = ["confirmed", "rejected", "cancelled", "expired", "completed"]
        var statuses: [String: String] = [:]
        let drained = await eventually(timeout: .seconds(90), every: .milliseconds(500)) {
            for (order, buyer) in orders where !settled.contains(statuses[order] ?? "") {
                statuses[order] = (try? await api.send("GET", "/v1/orders/\(order)", token: tokenTable[buyer]!))?.object["status"] as? String
            }
            return orders.keys.allSatisfy { settled.contains(statuses[$0] ?? "") }
        }
        #expect(drained, "unsettled: \(statuses.filter { !settled.contains($0.value) })")

        // Nothing doubled: one order per idempotency key, each placed once on the public topic.
        let kafka = KafkaCLI(bootstrap: platform.bootstrap)
        let placedEvents = try await kafka.read("order.events.v1").filter { $0.contains("\"type\":\"order.placed\"") }
        for order in orders.keys {
            #expect(placedEvents.filter { $0.contains("\"\(order)\"") }.count == 1, "order \(order) placed exactly once")
        }
        let reservedCredit = try await kafka.read("payment.events.v1").filter { $0.contains("\"type\":\"payment.credit-reserved\"") }
        for order in orders.keys {
            #expect(reservedCredit.filter { $0.contains("\"\(order)\"") }.count <= 1, "credit for \(order) reserved at most once")
        }

        // Nothing oversold: confirmed units per SKU equal what left availability, never below zero.
        let after = try await stock(api, tokenTable["metro.buyer"]!)
        var confirmedUnits: [String: Int] = [:]
        for (order, buyer) in orders where statuses[order] == "confirmed" {
            let lines = (try await api.send("GET", "/v1/orders/\(order)", token: tokenTable[buyer]!)).object["lines"] as? [[String: Any]] ?? []
            for line in lines { confirmedUnits[line["sku"] as! String, default: 0] += line["quantity"] as! Int }
        }
        for sku in Self.skus {
            #expect((after[sku] ?? -1) >= 0, "\(sku) is never oversold")
            #expect((initial[sku] ?? 0) - (after[sku] ?? 0) == confirmedUnits[sku, default: 0],
                    "\(sku): held units match confirmed orders (\(initial[sku] ?? 0) -> \(after[sku] ?? 0), confirmed \(confirmedUnits[sku, default: 0]))")
        }
        // The same, and more, checked from the topics alone by the operator's tool.
        let verify = try await platform.verify()
        #expect(verify.code == 0, "tradeflow verify after the crashes:\n\(verify.output)")
        _ = await platform.interrupt()
    }

    private func stock(_ api: GatewayClient, _ token: String) async throws -> [String: Int] {
        var result: [String: Int] = [:]
        for sku in Self.skus {
            result[sku] = try await api.send("GET", "/v1/products/\(sku)", token: token).object["available"] as? Int
        }
        return result
    }
}
}
