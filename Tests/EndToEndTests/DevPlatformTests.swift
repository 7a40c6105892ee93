import Contracts
import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `tradeflow dev` as a new user runs it: every service its own process on the mock cluster,
/// reachable with curl and kcat, restarted when killed, and gone after Ctrl-C.
extension PlatformTests {
@Suite struct DevPlatformTests {
    @Test func devPlatform_startsEveryService_isReachable_restartsTheDead_andLeavesNoOrphans() async throws {
        // A checkpoint left by an earlier run describes the topics of a mock cluster that is gone.
        let stale = "state/order/order.events.v1-0.snapshot"
        let platform = try await DevPlatform.start { directory in
            let file = directory.appendingPathComponent(stale)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(#"{"formatVersion":1,"topic":"order.events.v1","partition":0,"nextOffset":1,"state":{}}"#.utf8).write(to: file)
        }
        let leftOver = (try? Data(contentsOf: platform.directory.url.appendingPathComponent(stale))).map { String(decoding: $0, as: UTF8.self) }
        #expect(leftOver?.contains(#""state":{}"#) != true, "the last run's checkpoint was removed at start")

        // The gateway answers ready over real HTTP.
        let ready = try await runTool("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}",
                                                        "http://127.0.0.1:\(platform.httpPort)/health/ready"])
        #expect(ready.output == "200")

        // Every admin port answers, with metrics.
        for offset in 0..<7 {
            let metrics = try await runTool("/usr/bin/curl", ["-sf", "http://127.0.0.1:\(platform.adminBase + offset)/metrics"])
            #expect(metrics.code == 0 && metrics.output.contains("# TYPE"))
        }

        // An outside Kafka client sees every topic.
        let listing = try await runTool("/usr/bin/kcat", ["-b", platform.bootstrap, "-L"])
        #expect(listing.code == 0)
        for topic in Topics.all {
            #expect(listing.output.contains("topic \"\(topic.name)\""), "kcat -L is missing \(topic.name)")
        }

        // Seven separate processes.
        let before = try #require(platform.status)
        #expect(before.services.count == 7)
        #expect(Set(before.services.values.compactMap(\.pid)).count == 7)

        // Stock received through Kafka, written with kcat's own partitioner.
        let kafka = KafkaCLI(bootstrap: platform.bootstrap)
        let receive = #"{"causationId":null,"correlationId":"e2e","id":"e2e-receive-1","key":"SKU-E2E-1","occurredAt":"2026-11-22T04:00:00.000Z","payload":{"quantity":120,"reference":"ASN-1","sku":"SKU-E2E-1","warehouse":"WH-1"},"tenant":"tradeflow","type":"inventory.receive-stock","version":1}"#
        try await kafka.produce(receive, topic: "inventory.commands.v1", key: "SKU-E2E-1")
        let received = await eventually(timeout: .seconds(20)) {
            ((try? await kafka.read("inventory.events.v1")) ?? []).contains { $0.contains("inventory.stock-received") && $0.contains("\"onHand\":120") }
        }
        #expect(received, "inventory turned the command into a stock-received event")

        // A killed service is reported and restarted, and the restart is counted.
        let victim = try #require(before.services["inventory"]?.pid)
        kill(victim, SIGKILL)
        let restarted = await eventually(timeout: .seconds(30)) {
            guard let entry = platform.status?.services["inventory"] else { return false }
            return entry.restarts == 1 && entry.running && entry.pid != victim
        }
        #expect(restarted)
        #expect(platform.process.stderr.contains("inventory (pid \(victim)) killed by signal 9"))
        let adminReady = await eventually(timeout: .seconds(30)) {
            (try? await runTool("/usr/bin/curl", ["-sf", "http://127.0.0.1:\(platform.adminBase + 1)/health/ready"]))?.code == 0
        }
        #expect(adminReady, "the restarted inventory becomes ready again")

        // The restarted inventory restored its state from inventory.events.v1: the same command
        // again is a duplicate, and a new adjustment starts from the restored 120.
        try await kafka.produce(receive, topic: "inventory.commands.v1", key: "SKU-E2E-1")
        let adjust = #"{"causationId":null,"correlationId":"e2e","id":"e2e-adjust-1","key":"SKU-E2E-1","occurredAt":"2026-11-22T04:01:00.000Z","payload":{"delta":-20,"reason":"cycle count","sku":"SKU-E2E-1","warehouse":"WH-1"},"tenant":"tradeflow","type":"inventory.adjust-stock","version":1}"#
        try await kafka.produce(adjust, topic: "inventory.inbound.v1", key: "SKU-E2E-1")
        let adjusted = await eventually(timeout: .seconds(20)) {
            ((try? await kafka.read("inventory.events.v1")) ?? []).contains { $0.contains("inventory.stock-adjusted") && $0.contains("\"onHand\":100") }
        }
        #expect(adjusted, "the adjustment applied to the restored on-hand")
        let events = try await kafka.read("inventory.events.v1")
        let receivedForSKU = events.filter { $0.contains("inventory.stock-received") && $0.contains("\"SKU-E2E-1\"") }
        #expect(receivedForSKU.count == 1, "the repeated command produced nothing")

        // Ctrl-C stops everything cleanly.
        let pids = try #require(platform.status).services.values.compactMap(\.pid)
        let exit = await platform.interrupt()
        #expect(exit?.status == 0, "\(platform.process.stderr)")
        #expect(pids.allSatisfy { !processExists($0) }, "no service process outlives tradeflow dev")
        for (name, entry) in try #require(platform.status).services {
            #expect(entry.lastExit == "exited with code 0", "\(name) stops gracefully on SIGTERM")
        }
        #expect(!FileManager.default.fileExists(atPath: platform.directory.url.appendingPathComponent("kafka.bootstrap").path))
    }

    @Test func servicesExitByThemselves_whenTheSupervisorIsKilled() async throws {
        let platform = try await DevPlatform.start()
        let pids = try #require(platform.status).services.values.compactMap(\.pid)
        #expect(pids.count == 7)
        platform.process.signal(SIGKILL)
        _ = await platform.process.waitForExit(timeout: .seconds(5))
        // Each notices within 0.2 s and stops gracefully; with its Kafka gone that takes up to the
        // shutdown timeout (8 s) before it exits anyway. Generous here: the suite may run on a busy machine.
        let allGone = await eventually(timeout: .seconds(40)) { pids.allSatisfy { !processExists($0) } }
        #expect(allGone, "orphaned services: \(pids.filter(processExists))")
    }
}
}
