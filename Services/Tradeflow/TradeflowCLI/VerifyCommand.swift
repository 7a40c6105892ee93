import Foundation
import Kafka
import PlatformAudit
import Runtime
import ServiceKit

/// `tradeflow verify`: reads every partition of the event topics and checks the platform's
/// invariants (PlatformAudit). Exit 0 when every check passes, 1 when one fails, 2 when the topics
/// cannot be read.
enum VerifyCommand {
    struct Options {
        var bootstrap: String
        var profile: KafkaProfile
        var graceSeconds: Int
        var jsonPath: String?
    }

    static func run(_ arguments: ArraySlice<String>) async -> Int32 {
        var options = Arguments(arguments, allowed: ["--bootstrap", "--dir", "--grace", "--json"])
        let grace = options.int("--grace", default: 30, range: 0...86_400)
        let dir = options["--dir"] ?? ".tradeflow"
        guard options.problems.isEmpty else {
            options.problems.forEach { StandardError.write("tradeflow verify: \($0)") }
            return 64
        }
        guard let (bootstrap, profile) = target(options["--bootstrap"], dir: dir) else {
            StandardError.write("tradeflow verify: no platform found: start `tradeflow dev` (or pass --dir), or give --bootstrap / \(ServiceSettings.Key.kafkaBootstrap)")
            return 64
        }
        let report: AuditReport
        do {
            report = try await audit(Options(bootstrap: bootstrap, profile: profile, graceSeconds: grace, jsonPath: options["--json"]))
        } catch {
            StandardError.write("tradeflow verify: cannot read the topics at \(bootstrap): \(error)")
            return 2
        }
        StandardOutput.write(report.text + "\n")
        if let path = options["--json"] {
            do {
                try Data(try report.json(pretty: true)).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                StandardError.write("tradeflow verify: cannot write \(path): \(error)")
                return 2
            }
        }
        return report.passed ? 0 : 1
    }

    /// The Kafka to read: --bootstrap, else the dev platform's file in --dir, else the environment.
    static func target(_ given: String?, dir: String) -> (String, KafkaProfile)? {
        if let given { return (given, .cluster) }
        let file = URL(fileURLWithPath: dir).appendingPathComponent("kafka.bootstrap")
        if let text = try? String(contentsOf: file, encoding: .utf8) {
            let servers = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !servers.isEmpty { return (servers, .mock) }
        }
        return ProcessInfo.processInfo.environment[ServiceSettings.Key.kafkaBootstrap].map { ($0, .cluster) }
    }

    /// Reads each partition in offset order (partitions in parallel, a few at a time) into the audit,
    /// with where each partition's retained history starts.
    static func audit(_ options: Options) async throws -> AuditReport {
        let settings = KafkaSettings(bootstrapServers: options.bootstrap, profile: options.profile, clientId: "tradeflow-verify")
        let logger = Logger(label: "verify", level: .warning)
        let audit = Locked(AuditInput())
        let partitions = AuditInput.topics.flatMap { topic in (0..<Int32(topic.partitions)).map { (topic.name, $0) } }
        try await withThrowingTaskGroup(of: Void.self) { group in
            var pending = partitions[...]
            // Each reader is a Kafka client with its own thread; a handful at once is enough.
            for _ in 0..<4 {
                guard let (topic, partition) = pending.popFirst() else { break }
                group.addTask { try await read(topic, partition, settings: settings, logger: logger, into: audit) }
            }
            while try await group.next() != nil {
                guard let (topic, partition) = pending.popFirst() else { continue }
                group.addTask { try await read(topic, partition, settings: settings, logger: logger, into: audit) }
            }
        }
        return audit.withLock { $0.report(settleAfter: .seconds(options.graceSeconds)) }
    }

    private static func read(_ topic: String, _ partition: Int32, settings: KafkaSettings, logger: Logger,
                             into audit: Locked<AuditInput>) async throws {
        let range = try await KafkaPartitionReader.read(settings: settings, topic: topic, partition: partition, from: 0,
                                                        logger: logger) { message in
            audit.withLock { $0.observeRecord(topic: message.topic, partition: message.partition, offset: message.offset, value: message.value) }
        }
        // Retention (the mock cluster keeps ~5 MiB a partition) may have deleted the beginning:
        // the audit then judges only what the retained window proves, and says so.
        audit.withLock { $0.observePartitionStart(topic: topic, partition: partition, logStart: range.logStart) }
    }
}
