import Foundation

/// Runs the real `curl` binary against the test server and captures its output.
enum Curl {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let path = "/usr/bin/curl"

    /// Foundation creates a socket pair for child-process monitoring on the first `Process.run()` and
    /// keeps it for the life of the process; running curl once up front keeps it out of leak checks.
    static let warmUp = Task<Void, Never> { _ = try? await run(["--version"]) }

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// Runs curl with a hard `--max-time` so a hung server fails the test instead of hanging it. The
    /// wait happens off the cooperative pool (termination handler), leaving it free for handlers.
    static func run(_ arguments: [String]) async throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--silent", "--show-error", "--max-time", "10"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume()
            }
        }
        // Outputs are small (well under a pipe buffer), so reading after exit cannot deadlock.
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        try? out.fileHandleForReading.close()
        try? err.fileHandleForReading.close()
        return Result(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}
