import Foundation
import Testing
import TestSupport

extension PlatformTests {
/// The notification relay remembers open orders (who placed one, its suppliers): a supplier told
/// of an order that waits for approval still hears that it was confirmed when the notification
/// service was killed in between and restarted with an empty memory. The memory comes back from
/// the relay's checkpoint, reading only the order events the relay handled after it.
@Suite struct NotificationRestartTests {
    let saga = SagaFlowTests()

    @Test func supplierHearsOfTheConfirmation_ofAnOrderPlacedBeforeARestart() async throws {
        let platform = try await DevPlatform.start(environment: ["TRADEFLOW_CHECKPOINT_INTERVAL_SECONDS": "1"])
        let api = GatewayClient(port: platform.httpPort)
        let buyer = try await api.login("metro.buyer")
        let approver = try await api.login("metro.approver")
        let admin = try await api.login("metro.admin")
        let rules = try await api.send("PUT", "/v1/approval-rules", token: admin, json: ["rules": [
            ["name": "large", "minimumTotal": ["amount": 100_000, "currency": "CNY"], "roles": ["approver"]]]])
        #expect(rules.status == 200, "\(rules.text)")

        let order = try #require(try await saga.place(api, buyer, lines: [("P0013-1", 20)]).object["order"] as? String)
        let waiting = await saga.status(api, buyer, order, becomes: "pending-approval")
        let supplier = try #require(((waiting["subOrders"] as? [[String: Any]])?.first)?["supplier"] as? String)
        let tea = try DemoWorld.load(platform).company(of: "tea.admin")
        let warehouse = try await api.login(supplier == tea ? "tea.warehouse" : "sunrise.warehouse")
        func supplierHeard(_ eventType: String) async -> Bool {
            await eventually(timeout: .seconds(30), every: .milliseconds(200)) {
                let items = (try? await api.send("GET", "/v1/notifications?limit=100", token: warehouse))?.object["items"]
                return ((items as? [[String: Any]]) ?? []).contains {
                    $0["eventType"] as? String == eventType && ($0["title"] as? String)?.contains(order) == true
                }
            }
        }
        #expect(await supplierHeard("order.sub-order-placed"), "the supplier hears of the order waiting for approval")

        // The relay's offsets are committed every second: past that, a restart does not read the
        // order's events again, so only a restored memory knows its supplier.
        try await Task.sleep(for: .seconds(3))
        let snapshots = try FileManager.default.contentsOfDirectory(
            atPath: platform.directory.url.appendingPathComponent("state/notification/relay").path).filter { $0.hasPrefix("order.events.v1-") }
        #expect(!snapshots.isEmpty, "the relay checkpointed its memory of the order partitions")
        let orderEvents = try await KafkaCLI(bootstrap: platform.bootstrap).read("order.events.v1").count
        #expect(try await platform.killAndAwaitRestart("notification"), "notification was restarted")
        var restored: [String: Int] = [:]
        let fromSnapshots = await eventually(timeout: .seconds(60), every: .milliseconds(200)) {
            restored = await relayRestoreMetrics(platform)
            return restored["snapshot", default: 0] >= snapshots.count
        }
        #expect(fromSnapshots, "every order partition with a snapshot restored from it: \(restored)")
        #expect(restored["records", default: Int.max] < orderEvents,
                "only records after the snapshots were read again (\(restored["records"] ?? -1) of \(orderEvents))")

        #expect(try await api.send("POST", "/v1/orders/\(order)/approve", token: approver, json: ["comment": "ok"]).status == 200)
        _ = await saga.status(api, buyer, order, becomes: "confirmed")
        #expect(await supplierHeard("order.sub-order-confirmed"),
                "the restarted relay remembered the order's supplier from the events it had relayed")
    }

    /// From notification's `/metrics`: order partitions whose relay memory came from a snapshot,
    /// from the topic, and the records read again to restore them.
    private func relayRestoreMetrics(_ platform: DevPlatform) async -> [String: Int] {
        guard let text = await platform.metrics(of: "notification") else { return [:] }
        var result: [String: Int] = [:]
        for line in text.split(separator: "\n") where line.contains("topic=\"order.events.v1\"") {
            guard let value = line.split(separator: " ").last.flatMap({ Int($0) }) else { continue }
            if line.hasPrefix("tradeflow_relay_memory_restores_total") {
                result[line.contains("source=\"snapshot\"") ? "snapshot" : "topic", default: 0] += value
            } else if line.hasPrefix("tradeflow_relay_memory_restore_records_total") {
                result["records", default: 0] += value
            }
        }
        return result
    }
}
}
