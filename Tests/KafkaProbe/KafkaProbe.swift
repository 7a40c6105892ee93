import Foundation
import Kafka
import Runtime
#if canImport(Glibc)
import Glibc
#endif

/// Usage: kafka-probe --bootstrap B --topic T --group G --dir D [--crash-after N] [--delay-ms X]
///
/// Files it writes in D: `state` (one line per distinct message id: the idempotent state),
/// `handled` (one line per handler call, so replays show), `assignment` (the latest partitions).
/// A value starting with "poison" is rejected as a poison message.
enum KafkaProbe {
    static func main(_ arguments: [String]) async {
        let options = Options(arguments)
        guard let bootstrap = options["--bootstrap"], let topic = options["--topic"], let group = options["--group"],
              let directory = options["--dir"] else {
            StandardError.write("usage: kafka-probe --bootstrap B --topic T --group G --dir D [--crash-after N] [--delay-ms X]")
            exit(64)
        }
        let logger = Logger(label: "kafka-probe", level: .warning)
        let metrics = MetricsRegistry()
        let settings = KafkaSettings(bootstrapServers: bootstrap, profile: .mock, clientId: "kafka-probe-\(getpid())")
        let state = ProbeState(directory: directory, crashAfter: options["--crash-after"].flatMap(Int.init),
                               delay: .milliseconds(options["--delay-ms"].flatMap(Int.init) ?? 0))
        do {
            let producer = try KafkaProducer(settings: settings, logger: logger)
            let consumer = try KafkaConsumer(settings: settings, groupId: group, topics: [topic], logger: logger,
                                             metrics: metrics) { assignment in
                state.recordAssignment(assignment.partitions)
            }
            let loop = ConsumerService(name: "probe", consumer: consumer, producer: producer, logger: logger,
                                       metrics: metrics, retry: RetryPolicy(attempts: 2, baseDelay: .milliseconds(10))) { message in
                try await state.handle(message)
            }
            let outcome = await ServiceGroup(services: [ProducerService(producer: producer), loop], logger: logger).run()
            if case .serviceFailed = outcome { exit(1) }
            exit(0)
        } catch {
            StandardError.write("kafka-probe: \(error)")
            exit(1)
        }
    }
}

struct Options {
    private var values: [String: String] = [:]
    init(_ arguments: [String]) {
        var index = 1
        while index + 1 < arguments.count {
            values[arguments[index]] = arguments[index + 1]
            index += 2
        }
    }
    subscript(name: String) -> String? { values[name] }
}
