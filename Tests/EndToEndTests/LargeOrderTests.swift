import Foundation
import Testing
import TestSupport

extension PlatformTests {
/// A 500-line order goes through the whole saga: 500 reservations on their SKU partitions and
/// their replies on the buyer's partition, then credit authorization and confirmation.
@Suite struct LargeOrderTests {
    @Test func fiveHundredLineOrder_isConfirmed() async throws {
        let platform = try await DevPlatform.start()
        let api = GatewayClient(port: platform.httpPort)
        let supplier = try await api.login("tea.catalog")
        let buyer = try await api.login("metro.buyer")
        var skus: [String] = []
        for product in 1...4 {
            let productSKUs = (1...125).map { "BULK\(product)-\($0)" }
            skus += productSKUs
            let created = try await api.send("POST", "/v1/products", token: supplier, json: [
                "id": "BULK\(product)", "name": "散装测试 Bulk test \(product)", "categoryPath": ["Bulk"],
                "skus": productSKUs.map { ["sku": $0, "unit": "件", "packSize": 1, "minimumOrderQuantity": 1,
                                          "basePrice": ["amount": 100, "currency": "CNY"]] },
            ])
            #expect(created.status == 200, "\(created.text)")
            #expect(try await api.send("POST", "/v1/products/BULK\(product)/status", token: supplier, json: ["status": "listed"]).status == 200)
        }
        // Opening stock for every SKU, pushed by "the WMS" through the inbound topic.
        let directory = try TemporaryDirectory(prefix: "bulk")
        defer { directory.remove() }
        let lines = skus.enumerated().map { index, sku in
            #"\#(sku)|{"causationId":null,"correlationId":"wms","id":"wms-bulk-\#(index)","key":"\#(sku)","occurredAt":"2026-11-22T04:00:00.000Z","payload":{"quantity":50,"reference":"WMS-INIT","sku":"\#(sku)","warehouse":"WH-HZ-01"},"tenant":"tradeflow","type":"inventory.receive-stock","version":1}"#
        }.joined(separator: "\n")
        let file = directory.url.appendingPathComponent("stock.txt")
        try Data((lines + "\n").utf8).write(to: file)
        let pushed = try await runTool("/usr/bin/kcat", ["-b", platform.bootstrap, "-P", "-t", "inventory.inbound.v1", "-K", "|", "-l", file.path])
        #expect(pushed.code == 0, "\(pushed.output)")
        let stocked = await eventually(timeout: .seconds(60), every: .milliseconds(500)) {
            (try? await api.send("GET", "/v1/products/\(skus.last!)", token: buyer))?.object["available"] as? Int == 50
        }
        #expect(stocked)

        let placed = try await api.send("POST", "/v1/orders", token: buyer, json: [
            "lines": skus.map { ["sku": $0, "quantity": 2] }, "paymentMethod": "credit",
            "deliveryAddress": ["name": "Li", "phone": "1", "region": "east-china", "city": "Hangzhou", "street": "1"],
        ])
        #expect(placed.status == 202, "\(placed.text.prefix(500))")
        let order = try #require(placed.object["order"] as? String)
        var last: [String: Any] = [:]
        let confirmed = await eventually(timeout: .seconds(90), every: .milliseconds(500)) {
            last = (try? await api.send("GET", "/v1/orders/\(order)", token: buyer))?.object ?? [:]
            return last["status"] as? String == "confirmed"
        }
        #expect(confirmed, "status \(last["status"] ?? "?"): \(last["statusReason"] ?? "")")
        #expect((last["lines"] as? [Any])?.count == 500)
        #expect(try await api.send("GET", "/v1/products/\(skus[0])", token: buyer).object["available"] as? Int == 48)
        _ = await platform.interrupt()
    }
}
}
