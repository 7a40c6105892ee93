import Foundation
import Testing
import TestSupport
@testable import TradeflowCLI
#if canImport(Glibc)
import Glibc
#endif

/// A running `tradeflow dev` on free ports in a temporary directory, for end-to-end tests.
final class DevPlatform: @unchecked Sendable {
    // @unchecked: used from one test task at a time.
    let directory: TemporaryDirectory
    let process: ChildProcess
    let httpPort: Int
    let adminBase: Int

    /// `prepare` runs on the directory before `tradeflow dev` starts in it (files of an earlier run).
    static func start(environment: [String: String] = [:],
                      prepare: (URL) throws -> Void = { _ in }) async throws -> DevPlatform {
        let directory = try TemporaryDirectory(prefix: "tradeflow-dev")
        try prepare(directory.url)
        let httpPort = FreePorts.one()
        let adminBase = FreePorts.range(of: 7)
        let process = try ChildProcess(BuiltProducts.executable("tradeflow"),
                                       arguments: ["dev", "--http-addr", "127.0.0.1:\(httpPort)",
                                                   "--admin-port-base", "\(adminBase)", "--dir", directory.path,
                                                   "--log-level", "warning"],
                                       environment: environment.isEmpty ? nil
                                           : ProcessInfo.processInfo.environment.merging(environment) { _, new in new },
                                       logDirectory: directory.url)
        let platform = DevPlatform(directory: directory, process: process, httpPort: httpPort, adminBase: adminBase)
        let ready = await eventually(timeout: .seconds(120), every: .milliseconds(200)) {
            platform.process.stdout.contains("Tradeflow is running") || !platform.process.isRunning
        }
        guard ready, platform.process.isRunning else {
            throw StartFailure(output: platform.process.stdout + platform.process.stderr)
        }
        return platform
    }

    private init(directory: TemporaryDirectory, process: ChildProcess, httpPort: Int, adminBase: Int) {
        self.directory = directory
        self.process = process
        self.httpPort = httpPort
        self.adminBase = adminBase
    }

    /// `tradeflow verify` against this platform's topics: its exit code and report.
    func verify(grace: Int = 30) async throws -> (code: Int32, output: String) {
        try await runTool(BuiltProducts.executable("tradeflow").path, ["verify", "--dir", directory.path, "--grace", "\(grace)"],
                          timeout: .seconds(120))
    }

    struct StartFailure: Error, CustomStringConvertible {
        let output: String
        var description: String { "tradeflow dev did not become ready:\n\(output)" }
    }

    var bootstrap: String {
        ((try? String(contentsOf: directory.url.appendingPathComponent("kafka.bootstrap"), encoding: .utf8)) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct Status: Decodable {
        struct Entry: Decodable {
            let pid: Int32?
            let running: Bool
            let restarts: Int
            let lastExit: String?
        }
        let services: [String: Entry]
    }

    var status: Status? {
        guard let data = try? Data(contentsOf: directory.url.appendingPathComponent("dev.json")) else { return nil }
        return try? JSONDecoder().decode(Status.self, from: data)
    }

    /// SIGKILLs `service` and waits until `tradeflow dev` runs it again as a new process: true
    /// once it does within `timeout`.
    func killAndAwaitRestart(_ service: String, timeout: Duration = .seconds(60)) async throws -> Bool {
        let pid = try #require(status?.services[service]?.pid)
        kill(pid, SIGKILL)
        return await eventually(timeout: timeout) {
            guard let entry = self.status?.services[service] else { return false }
            return entry.running && entry.pid != pid && entry.restarts >= 1
        }
    }

    /// The `/metrics` text of `service`, nil when its admin port does not answer. Admin ports are
    /// numbered from `adminBase` in the order `tradeflow dev` starts the services.
    func metrics(of service: String) async -> String? {
        guard let offset = DevCommand.serviceNames.firstIndex(of: service) else { return nil }
        return try? await runTool("/usr/bin/curl", ["-sf", "http://127.0.0.1:\(adminBase + offset)/metrics"]).output
    }

    /// The sum of the samples of `metric` in `service`'s `/metrics` whose labels contain every
    /// one of `labels` (`key="value"`); nil when the port does not answer.
    func metric(_ metric: String, of service: String, labels: [String] = []) async -> Int? {
        guard let text = await metrics(of: service) else { return nil }
        return text.split(separator: "\n").filter { line in
            (line.hasPrefix(metric + " ") || line.hasPrefix(metric + "{")) && labels.allSatisfy(line.contains)
        }.compactMap { $0.split(separator: " ").last.flatMap { Double($0) }.map { Int($0) } }.reduce(0, +)
    }

    /// Stops the platform like a person pressing Ctrl-C.
    func interrupt() async -> ChildProcess.Termination? {
        process.signal(SIGINT)
        return await process.waitForExit(timeout: .seconds(30))
    }

    deinit { directory.remove() }
}

/// Ports nothing listens on right now, chosen below the kernel's ephemeral range (32768-60999
/// here): a port in that range can be taken between the check and the bind by the mock cluster's
/// listeners or by any outgoing connection, which once kept a test's notification service from
/// binding its admin port on every restart.
enum FreePorts {
    static let candidates = 20_000...32_000

    static func one() -> Int { range(of: 1) }

    /// The first of `count` consecutive free ports.
    static func range(of count: Int) -> Int {
        for _ in 0..<200 {
            let base = Int.random(in: candidates.lowerBound...(candidates.upperBound - count))
            if (base..<base + count).allSatisfy(isFree) { return base }
        }
        return 31_000
    }

    static func isFree(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}

/// Runs a command-line tool (curl, kcat) and returns its exit code and output.
func runTool(_ path: String, _ arguments: [String], timeout: Duration = .seconds(30)) async throws -> (code: Int32, output: String) {
    let directory = try TemporaryDirectory(prefix: "tool")
    defer { directory.remove() }
    let child = try ChildProcess(URL(fileURLWithPath: path), arguments: arguments, logDirectory: directory.url)
    let ended = await child.waitForExit(timeout: timeout)
    if ended == nil { child.signal(SIGKILL) }
    return (ended?.status ?? -1, child.stdout + child.stderr)
}

func processExists(_ pid: Int32) -> Bool { kill(pid, 0) == 0 || errno != ESRCH }
