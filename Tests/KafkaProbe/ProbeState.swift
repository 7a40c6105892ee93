import Foundation
import Kafka
import Runtime
#if canImport(Glibc)
import Glibc
#endif

/// The probe's idempotent handler and its durable state (files survive SIGKILL).
final class ProbeState: Sendable {
    private let directory: String
    private let crashAfter: Int?
    private let delay: Duration
    private let seen: Locked<(ids: Set<String>, handled: Int)>

    init(directory: String, crashAfter: Int?, delay: Duration) {
        self.directory = directory
        self.crashAfter = crashAfter
        self.delay = delay
        let existing = (try? String(contentsOfFile: directory + "/state", encoding: .utf8)) ?? ""
        seen = Locked((Set(existing.split(separator: "\n").map(String.init)), 0))
    }

    func handle(_ message: KafkaMessage) async throws {
        let id = String(decoding: message.value, as: UTF8.self)
        if id.hasPrefix("poison") { throw PoisonMessage("value \(id) is not a probe message") }
        if delay > .zero { try await Task.sleep(for: delay) }
        let (isNew, handledCount) = seen.withLock { state in
            state.handled += 1
            return (state.ids.insert(id).inserted, state.handled)
        }
        append("handled", id)
        if isNew { append("state", id) }  // a repeated message changes nothing
        if let crashAfter, handledCount >= crashAfter {
            // Effects are durable, the offset is not stored yet: the worst moment to die.
            kill(getpid(), SIGKILL)
        }
    }

    func recordAssignment(_ partitions: [TopicPartition]) {
        let text = partitions.map { "\($0.partition)" }.joined(separator: ",")
        try? Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/assignment"), options: .atomic)
    }

    private func append(_ file: String, _ line: String) {
        let fd = open(directory + "/" + file, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}
