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

    struct Failure: Error, CustomStringConvertible {
        let output: String
        var description: String { "kcat failed: \(output)" }
    }
}
