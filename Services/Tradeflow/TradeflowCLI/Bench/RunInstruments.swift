import Contracts
import Foundation
import Kafka
import Runtime

/// What an order benchmark watches while it runs: the saga's decisions (a Kafka subscriber), the
/// records written to every topic, each service process's CPU, memory and lag, and what the mock
/// Kafka broker, the bench itself and the whole machine spent.
struct RunInstruments {
    struct Readings {
        let recordsWritten: Int
        let processes: [String: ProcessSampler.Figures]
        let machine: MachineSampler.Figures
    }

    let kafka: KafkaSettings
    let watcher: SagaWatcher
    private let watching: Task<Void, Never>
    private let admin: KafkaAdmin
    private let recordsBefore: Int64
    private let sampler: ProcessSampler
    private let sampling: Task<Void, Never>
    private let machine: MachineSampler
    private static let topics = Topics.all.map { ($0.name, $0.partitions) }

    /// Starts watching once the subscriber has its partitions (nothing of the run is missed).
    static func start(_ platform: BenchPlatform, clientId: String, hotSKU: SKU? = nil,
                      onConfirmed: (@Sendable (SagaWatcher.Confirmed) -> Void)? = nil) async throws -> RunInstruments {
        let kafka = try kafkaSettings(platform, clientId: clientId)
        let watcher = try SagaWatcher(settings: kafka, hotSKU: hotSKU, onConfirmed: onConfirmed)
        let watching = await watcher.start()
        let admin = KafkaAdmin(settings: kafka, logger: Logger(label: "bench", level: .warning))
        let before = try await admin.endOffsets(topics)
        let sampler = ProcessSampler(platform: platform)
        return RunInstruments(kafka: kafka, watcher: watcher, watching: watching, admin: admin, recordsBefore: before,
                              sampler: sampler, sampling: sampler.start(), machine: MachineSampler(devPid: platform.devPid))
    }

    /// What the run wrote and cost; the saga watcher keeps following until `close()`.
    func read() async throws -> Readings {
        let after = try await admin.endOffsets(Self.topics)
        let processes = sampler.finish()
        sampling.cancel()
        return Readings(recordsWritten: Int(after - recordsBefore), processes: processes, machine: machine.finish())
    }

    func close() async {
        await watcher.close()
        watching.cancel()
    }
}
