import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A service started by `tradeflow dev` exits when its supervisor is gone, even when the
/// supervisor died before the service finished starting.
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
}
