import Contracts
import Foundation
import HTTP
import Kafka
import Runtime
#if canImport(Glibc)
import Glibc
#endif

/// The whole life of a service process, so each `main.swift` is a few lines:
/// read and validate configuration, start logging, metrics, the admin port and the Kafka producer,
/// let the service wire its parts, run until SIGTERM/SIGINT, stop gracefully, exit.
public enum ServiceMain {
    /// Exit code for invalid configuration (sysexits' EX_CONFIG), distinct from a crash.
    public static let configurationExitCode: Int32 = 78

    /// `producerPace`: `.prompt` for a service whose produces a buyer's request waits on.
    public static func run<Extra: Sendable>(
        service: String,
        producerPace: KafkaSettings.ProducerPace = .batched,
        readExtra: (EnvironmentReader) -> Extra,
        wire: (ServiceContext, Extra) async throws -> [any Service]
    ) async -> Never {
        let env = EnvironmentReader()
        let settings = ServiceSettings.read(service: service, from: env)
        let extra = readExtra(env)
        if CommandLine.arguments.contains("--check-config") { ConfigCheck.report(service: service, env: env) }
        do {
            try env.validate()
        } catch {
            StandardError.write("\(service): \(error)")
            exit(configurationExitCode)
        }
        _ = FileDescriptorLimit.raiseSoftLimitToHard()
        let logger = Logger(label: service, level: settings.logLevel, metadata: ["instance": settings.instanceId])
        // First thing after configuration: a supervisor that dies while this process is still
        // starting (restoring state can take a while) must not leave it behind.
        if settings.exitWithParent { ParentWatch.start(logger: logger) }
        let metrics = MetricsRegistry()
        let readiness = Readiness()
        await refuseMismatchedTopics(settings.kafka, logger: logger)
        do {
            let producer = try KafkaProducer(settings: settings.kafka, pace: producerPace, logger: logger, metrics: metrics)
            let context = ServiceContext(settings: settings, logger: logger, metrics: metrics,
                                         readiness: readiness, producer: producer)
            let admin = AdminServer.make(address: settings.adminAddress, readiness: readiness, metrics: metrics, logger: logger)
            let adminPort = try admin.bind()
            let parts = try await wire(context, extra)
                + (settings.memoryTrimInterval.map { [MemoryTrim.service(every: $0, metrics: metrics)] } ?? [])
            // Learn every topic's partitions before the first request needs them (seconds otherwise).
            // In the background: a Kafka that is not up yet must not hold the service's start.
            Task { await producer.warmUp(topics: Topics.all.filter { !$0.isDeadLetter }.map(\.name)) }
            logger.info("started", ["adminPort": "\(adminPort)", "kafka": settings.kafka.bootstrapServers,
                                    "profile": settings.kafka.profile.rawValue])
            // Stopped in reverse: the service's parts first, then the producer (flushing their
            // last outputs), then the admin port, so probes answer until the very end.
            let group = ServiceGroup(services: [admin, ProducerService(producer: producer)] + parts,
                                     logger: logger, shutdownTimeout: settings.shutdownTimeout)
            let outcome = await group.run()
            logger.info("stopped", ["outcome": "\(outcome)"])
            if case .serviceFailed = outcome { exit(1) }
            exit(0)
        } catch {
            logger.critical("failed to start", ["reason": "\(error)"])
            exit(1)
        }
    }

    /// Exits (configuration error) when the cluster's topics have other partition counts than this
    /// version declares: keys would map to other partitions than the services expect. A cluster
    /// that does not answer yet is not checked (the service waits for it like any other start).
    static func refuseMismatchedTopics(_ kafka: KafkaSettings, logger: Logger) async {
        let admin = KafkaAdmin(settings: kafka, logger: logger)
        let counts: [String: Int]
        do {
            counts = try await admin.partitionCounts(timeout: .seconds(5))
        } catch {
            logger.warning("topic partition counts not checked: the cluster did not answer", ["reason": "\(error)"])
            return
        }
        let mismatches = TopicLayout.mismatches(onCluster: counts)
        guard !mismatches.isEmpty else { return }
        for line in mismatches { logger.critical("topic layout differs from this version", ["topic": line]) }
        StandardError.write("the cluster's topics were provisioned with other partition counts than this version declares:\n  "
                            + mismatches.joined(separator: "\n  ")
                            + "\nmigrate or recreate those topics (see README, Topics) before starting this version")
        exit(configurationExitCode)
    }

    /// For services without settings of their own.
    public static func run(service: String, wire: (ServiceContext) async throws -> [any Service]) async -> Never {
        await run(service: service, readExtra: { _ in () }, wire: { context, _ in try await wire(context) })
    }
}
