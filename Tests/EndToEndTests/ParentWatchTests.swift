import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A service started by `tradeflow dev` exits when its supervisor is gone, even when the
/// supervisor died before the service finished starting; a `tradeflow dev --exit-with-parent`
/// (the platform a benchmark starts for itself) stops with its services when its starter is killed.
@Suite struct ParentWatchTests {
    @Test func serviceWhoseParentIsAlreadyGone_exitsByItself() async throws {
        let directory = try TemporaryDirectory(prefix: "orphan")
        defer { directory.remove() }
        // The shell starts the service in the background and exits at once: the service is an
        // orphan from its first instruction, while it is still trying to reach Kafka.
        let service = BuiltProducts.executable("inventory").path
        let launcher = try ChildProcess(URL(fileURLWithPath: "/bin/sh"),
                                        arguments: ["-c", "\(service) > /dev/null 2>&1 & echo $!"],
                                        environment: ["TRADEFLOW_KAFKA_BOOTSTRAP": "127.0.0.1:1", "TRADEFLOW_EXIT_WITH_PARENT": "true",
                                                      "TRADEFLOW_ADMIN_ADDR": "127.0.0.1:0", "TRADEFLOW_KAFKA_PROFILE": "mock",
                                                      "TRADEFLOW_STATE_DIR": directory.path],
                                        logDirectory: directory.url)
        _ = await launcher.waitForExit(timeout: .seconds(10))
        let pid = try #require(Int32(launcher.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        let gone = await eventually(timeout: .seconds(15)) { !processExists(pid) }
        #expect(gone, "orphaned service \(pid) is still running")
        if !gone { kill(pid, SIGKILL) }
    }

    @Test func devStartedWithExitWithParent_stopsItselfAndEveryServiceWhenItsStarterIsKilled() async throws {
        let directory = try TemporaryDirectory(prefix: "orphan-dev")
        defer { directory.remove() }
        let output = directory.url.appendingPathComponent("dev.out").path
        let dev = [BuiltProducts.executable("tradeflow").path, "dev", "--exit-with-parent", "--no-demo",
                   "--dir", directory.path, "--http-addr", "127.0.0.1:\(FreePorts.one())",
                   "--admin-port-base", "\(FreePorts.range(of: 7))", "--log-level", "warning"].joined(separator: " ")
        // The shell stands for the benchmark: it starts the platform and stays, until it is SIGKILLed.
        let starter = try ChildProcess(URL(fileURLWithPath: "/bin/sh"),
                                       arguments: ["-c", "\(dev) > \(output) 2>&1 & echo $!; sleep 600"],
                                       logDirectory: directory.url)
        defer { starter.signal(SIGKILL) }
        let ready = await eventually(timeout: .seconds(120), every: .milliseconds(200)) {
            ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "").contains("Tradeflow is running")
        }
        let devPid = try #require(Int32(starter.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        let services = try #require(ready ? Self.servicePids(in: directory.url) : nil, "the platform did not start")
        #expect(services.count == 7)

        starter.signal(SIGKILL)
        let allGone = await eventually(timeout: .seconds(60)) {
            !processExists(devPid) && services.allSatisfy { !processExists($0) }
        }
        #expect(allGone, "left running: \(([devPid] + services).filter(processExists))")
        // Stopped the way Ctrl-C stops it (services first, then the cluster), not just killed.
        let log = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        #expect(log.contains("stopped; no process left behind"), "\(log)")
        if !allGone { ([devPid] + services).forEach { kill($0, SIGKILL) } }
    }

    private static func servicePids(in directory: URL) -> [Int32]? {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("dev.json")),
              let status = try? JSONDecoder().decode(DevPlatform.Status.self, from: data) else { return nil }
        return status.services.values.compactMap(\.pid)
    }
}
