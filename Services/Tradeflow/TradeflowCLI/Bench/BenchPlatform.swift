import Foundation
import HTTP
import Runtime
#if canImport(Glibc)
import Glibc
#endif

/// The platform a benchmark drives: the one `tradeflow dev` runs in `directory`, or, when none
/// answers, one the benchmark starts itself (and stops afterwards).
struct BenchPlatform {
    let gateway: SocketAddress
    let demo: URL
    /// The dev platform's directory (dev.json: service pids and admin ports; kafka.bootstrap).
    let directory: URL
    private let ownProcess: SpawnedProcess?

    struct Status: Decodable { let gateway: String }

    /// The services as dev.json lists them now (pids change when the supervisor restarts one).
    var services: [String: DevStatusFile.Document.Entry] { status?.services ?? [:] }

    /// The `tradeflow dev` process, which hosts the mock Kafka cluster.
    var devPid: Int32? { status?.pid }

    private var status: DevStatusFile.Document? {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("dev.json")) else { return nil }
        return try? JSONDecoder().decode(DevStatusFile.Document.self, from: data)
    }

    /// The mock cluster's bootstrap servers.
    var kafkaBootstrap: String? {
        (try? String(contentsOf: directory.appendingPathComponent("kafka.bootstrap"), encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func attachOrStart(directory: URL, console: Console) async throws -> BenchPlatform {
        let demo = directory.appendingPathComponent("demo.json")
        if let data = try? Data(contentsOf: directory.appendingPathComponent("dev.json")),
           let status = try? JSONDecoder().decode(Status.self, from: data),
           let address = SocketAddress(parsing: status.gateway.replacingOccurrences(of: "http://", with: "")),
           FileManager.default.fileExists(atPath: demo.path),
           (try? await HTTPClient.send(host: address.host, port: address.port, path: "/health/ready", timeout: .seconds(2)))?.status == 200 {
            console.say("using the running platform at http://\(address)")
            return BenchPlatform(gateway: address, demo: demo, directory: directory, ownProcess: nil)
        }
        let own = directory.appendingPathComponent("bench-platform")
        try? FileManager.default.removeItem(at: own)
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        let port = 18_000 + Int(getpid() % 1_000)
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        console.say("no running platform in \(directory.path); starting one (gateway 127.0.0.1:\(port), logs in \(own.path))")
        let process = try SpawnedProcess.spawn(executable: executable,
                                               arguments: ["dev", "--dir", own.path, "--http-addr", "127.0.0.1:\(port)",
                                                           "--admin-port-base", "\(port + 1)", "--log-level", "warning",
                                                           "--exit-with-parent"],
                                               environment: ProcessInfo.processInfo.environment,
                                               logFile: own.appendingPathComponent("dev.out").path)
        let platform = BenchPlatform(gateway: SocketAddress(host: "127.0.0.1", port: port),
                                     demo: own.appendingPathComponent("demo.json"), directory: own, ownProcess: process)
        let deadline = ContinuousClock.now + .seconds(180)
        while ContinuousClock.now < deadline {
            let log = (try? String(contentsOfFile: own.appendingPathComponent("dev.out").path, encoding: .utf8)) ?? ""
            if log.contains("Tradeflow is running") && FileManager.default.fileExists(atPath: platform.demo.path) { return platform }
            if kill(process.pid, 0) != 0 { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        platform.stop()
        throw DemoError(message: "the benchmark's own platform did not start; see \(own.path)/dev.out")
    }

    /// Stops the platform the benchmark started (like Ctrl-C); leaves an attached one running.
    func stop() {
        guard let ownProcess else { return }
        ownProcess.signal(SIGINT)
        _ = ownProcess.waitForExit()
    }
}
