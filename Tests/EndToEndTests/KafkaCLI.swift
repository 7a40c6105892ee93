import Foundation
import TestSupport

/// kcat as an outside system uses it: produce a file as one message, read a topic to its end.
struct KafkaCLI {
    let bootstrap: String

    func produce(_ value: String, topic: String, key: String) async throws {
        let directory = try TemporaryDirectory(prefix: "kcat")
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("message.json")
        try Data(value.utf8).write(to: file)
        let result = try await runTool("/usr/bin/kcat", ["-b", bootstrap, "-P", "-t", topic, "-k", key, file.path])
        if result.code != 0 { throw Failure(output: result.output) }
    }

    /// Every message value currently on `topic`, one per line.
    func read(_ topic: String) async throws -> [String] {
        let result = try await runTool("/usr/bin/kcat", ["-b", bootstrap, "-C", "-t", topic, "-o", "beginning", "-e", "-q",
                                                         "-f", "%s\\n"])
        if result.code != 0 { throw Failure(output: result.output) }
        return result.output.split(separator: "\n").map(String.init)
    }

    /// Every message on `topic` as (headers "name=value" joined by commas, value).
    func readWithHeaders(_ topic: String) async throws -> [(headers: String, value: String)] {
        let result = try await runTool("/usr/bin/kcat", ["-b", bootstrap, "-C", "-t", topic, "-o", "beginning", "-e", "-q",
                                                         "-f", "%h\t%s\n"])
        if result.code != 0 { throw Failure(output: result.output) }
        return result.output.split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let output: String
        var description: String { "kcat failed: \(output)" }
    }
}
