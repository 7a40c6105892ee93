import Contracts
import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `tradeflow dev` as a new user runs it: every service its own process on the mock cluster,
/// reachable with curl and kcat, restarted when killed, and gone after Ctrl-C.
@Suite(.serialized) struct DevPlatformTests {
    @Test func devPlatform_startsEveryService_isReachable_restartsTheDead_andLeavesNoOrphans() async throws {
        let platform = try await DevPlatform.start()

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
        let allGone = await eventually(timeout: .seconds(15)) { pids.allSatisfy { !processExists($0) } }
        #expect(allGone, "orphaned services: \(pids.filter(processExists))")
    }
}
