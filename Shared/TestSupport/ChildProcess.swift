import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real OS process started by a test, with its output captured to files (pipes could fill up
/// and block a chatty child). Killed with SIGKILL on `deinit` if the test forgot it.
public final class ChildProcess: @unchecked Sendable {
    // @unchecked: `Process` is used from the test's task only.
    public let process = Process()
    public let stdoutURL: URL
    public let stderrURL: URL

    public init(_ executable: URL, arguments: [String] = [], environment: [String: String]? = nil,
                logDirectory: URL) throws {
        let stem = "\(executable.lastPathComponent)-\(UUID().uuidString.prefix(8))"
        stdoutURL = logDirectory.appendingPathComponent("\(stem).out")
        stderrURL = logDirectory.appendingPathComponent("\(stem).err")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
    }

    public var pid: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }
    public var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    public var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    public func signal(_ number: Int32) { kill(pid, number) }

    /// Waits for the process to exit, up to `timeout`; returns how it ended, or nil on timeout.
    public func waitForExit(timeout: Duration) async -> Termination? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now >= deadline { return nil }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return Termination(status: process.terminationStatus,
                           bySignal: process.terminationReason == .uncaughtSignal)
    }

    public struct Termination: Equatable, Sendable {
        public let status: Int32
        public let bySignal: Bool

        public init(status: Int32, bySignal: Bool) {
            self.status = status
            self.bySignal = bySignal
        }
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
