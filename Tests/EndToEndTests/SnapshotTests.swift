import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

extension PlatformTests {
/// Local checkpoints: inventory and order, killed with SIGKILL after writing snapshots, come back
/// from them (reading only the events after) with stock and orders as they were.
@Suite struct SnapshotTests {
    static let sku = "P0019-1"   // MOQ 10
    /// Offsets of the services' admin ports from `--admin-port-base` (the order `tradeflow dev` starts them in).
    static let adminOffset = ["inventory": 1, "order": 3]

    @Test func killedServices_restoreFromTheirSnapshots_withStockAndOrdersIntact() async throws {
        let platform = try await DevPlatform.start(environment: ["TRADEFLOW_CHECKPOINT_INTERVAL_SECONDS": "1",
                                                                 "TRADEFLOW_MEMORY_TRIM_SECONDS": "1"])
        let api = GatewayClient(port: platform.httpPort)
        let saga = SagaFlowTests()
        let buyer = try await api.login("metro.buyer")
        let before = try #require(try await saga.available(api, buyer, Self.sku))

        var orders: [String] = []
        func placeConfirmedOrder() async throws {
            let placed = try await saga.place(api, buyer, lines: [(Self.sku, 10)])
            #expect(placed.status == 202, "\(placed.text)")
            let order = try #require(placed.object["order"] as? String)
            #expect(await saga.status(api, buyer, order, becomes: "confirmed")["status"] as? String == "confirmed")
            orders.append(order)
        }
        for _ in 0..<3 { try await placeConfirmedOrder() }
        #expect(await eventually(timeout: .seconds(10)) { (try? await saga.available(api, buyer, Self.sku)) == before - 30 })

        for service in ["inventory", "order"] {
            // A few checkpoint intervals: the snapshots now cover every event so far.
            try await Task.sleep(for: .seconds(3))
            let snapshots = try FileManager.default.contentsOfDirectory(
                atPath: platform.directory.url.appendingPathComponent("state/\(service)").path).filter { $0.hasSuffix(".snapshot") }
            #expect(!snapshots.isEmpty, "\(service) wrote snapshots")
            let eventsInTopic = try await KafkaCLI(bootstrap: platform.bootstrap).read("\(service).events.v1").count

            let pid = try #require(platform.status?.services[service]?.pid)
            kill(pid, SIGKILL)
            let back = await eventually(timeout: .seconds(60)) {
                guard let entry = platform.status?.services[service] else { return false }
                return entry.running && entry.pid != pid && entry.restarts >= 1
            }
            #expect(back, "\(service) was restarted")
            // Partitions that never had an event have no snapshot; every one that had restores from it.
            var metrics: [String: Int] = [:]
            let restored = await eventually(timeout: .seconds(60), every: .milliseconds(200)) {
                metrics = await restoreMetrics(platform, service)
                return metrics["snapshot", default: 0] >= snapshots.count
            }
            #expect(restored, "\(service) restored its \(snapshots.count) partitions with snapshots from them: \(metrics)")
            #expect(metrics["events", default: Int.max] < eventsInTopic,
                    "\(service) folded only the events after its snapshots (\(metrics["events"] ?? -1) of \(eventsInTopic))")
        }

        // Stock and orders are as before the crashes, and new orders are decided on that state.
        #expect(await eventually(timeout: .seconds(20)) { (try? await saga.available(api, buyer, Self.sku)) == before - 30 })
        try await placeConfirmedOrder()
        #expect(await eventually(timeout: .seconds(10)) { (try? await saga.available(api, buyer, Self.sku)) == before - 40 })
        for order in orders {
            let status = try await api.send("GET", "/v1/orders/\(order)", token: buyer).object["status"] as? String
            #expect(status == "confirmed", "\(order) is still confirmed after the restarts")
        }
        // Confirmed orders are kept packed (the three read back packed from the snapshot, the new one
        // packed on confirmation), and the service hands free heap back on its timer.
        var gauges: [String: Int] = [:]
        let packed = await eventually(timeout: .seconds(10), every: .milliseconds(200)) {
            gauges = await orderGauges(platform)
            return gauges["order_orders_packed", default: 0] >= 4 && gauges["tradeflow_heap_in_use_bytes", default: 0] > 0
        }
        #expect(packed, "order's gauges: \(gauges)")
        _ = await platform.interrupt()
    }

    /// The order service's packed-order and heap gauges, summed over their labels.
    private func orderGauges(_ platform: DevPlatform) async -> [String: Int] {
        let port = platform.adminBase + Self.adminOffset["order"]!
        guard let text = try? await runTool("/usr/bin/curl", ["-sf", "http://127.0.0.1:\(port)/metrics"]).output else { return [:] }
        var result: [String: Int] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let name = String(line.prefix { $0 != "{" && $0 != " " })
            guard ["order_orders_packed", "order_orders_held", "tradeflow_heap_in_use_bytes"].contains(name),
                  let value = line.split(separator: " ").last.flatMap({ Int($0) }) else { continue }
            result[name, default: 0] += value
        }
        return result
    }

    /// From the service's `/metrics`: partitions restored from a snapshot, from the topic, and the
    /// events folded while restoring.
    private func restoreMetrics(_ platform: DevPlatform, _ service: String) async -> [String: Int] {
        let port = platform.adminBase + Self.adminOffset[service]!
        guard let text = try? await runTool("/usr/bin/curl", ["-sf", "http://127.0.0.1:\(port)/metrics"]).output else { return [:] }
        var result: [String: Int] = [:]
        for line in text.split(separator: "\n") where line.contains("topic=\"\(service).events.v1\"") {
            guard let value = line.split(separator: " ").last.flatMap({ Int($0) }) else { continue }
            if line.hasPrefix("tradeflow_state_restores_total") {
                let source = line.contains("source=\"snapshot\"") ? "snapshot" : "topic"
                result[source, default: 0] += value
            } else if line.hasPrefix("tradeflow_state_restore_events_total") {
                result["events", default: 0] += value
            }
        }
        return result
    }
}
}
