import Foundation
import Kafka
import Runtime

/// Every setting a Tradeflow service reads, all from environment variables (the contract that
/// docker-compose, Kubernetes and `tradeflow dev` fill in). Read once in `main`, validated, and
/// passed down; a bad value stops the process at start with the variable's name.
public struct ServiceSettings: Sendable {
    public var serviceName: String
    public var kafka: KafkaSettings
    public var adminAddress: SocketAddress
    public var logLevel: LogLevel
    public var instanceId: String
    public var stateDirectory: String
    /// How often single-writer services write their local state snapshots; nil = never (restores
    /// then always fold the event topics from the beginning).
    public var checkpointInterval: Duration?
    /// How often free heap pages are handed back to the OS (`MemoryTrim`); nil = never.
    public var memoryTrimInterval: Duration?
    public var tenant: String
    public var shutdownTimeout: Duration
    /// Set by `tradeflow dev`: exit when the supervising process disappears, so no orphan survives it.
    public var exitWithParent: Bool

    /// The variables, documented once; tests check deploy files only use these.
    public enum Key {
        public static let kafkaBootstrap = "TRADEFLOW_KAFKA_BOOTSTRAP"
        public static let kafkaBootstrapFile = "TRADEFLOW_KAFKA_BOOTSTRAP_FILE"
        public static let kafkaProfile = "TRADEFLOW_KAFKA_PROFILE"
        public static let kafkaProperties = "TRADEFLOW_KAFKA_PROPERTIES"
        public static let adminAddress = "TRADEFLOW_ADMIN_ADDR"
        public static let logLevel = "TRADEFLOW_LOG_LEVEL"
        public static let instanceId = "TRADEFLOW_INSTANCE_ID"
        public static let stateDirectory = "TRADEFLOW_STATE_DIR"
        public static let checkpointInterval = "TRADEFLOW_CHECKPOINT_INTERVAL_SECONDS"
        public static let memoryTrimInterval = "TRADEFLOW_MEMORY_TRIM_SECONDS"
        public static let tenant = "TRADEFLOW_TENANT"
        public static let shutdownTimeout = "TRADEFLOW_SHUTDOWN_TIMEOUT_SECONDS"
        public static let exitWithParent = "TRADEFLOW_EXIT_WITH_PARENT"
    }

    public static func read(service: String, from env: EnvironmentReader) -> ServiceSettings {
        let direct = env.optionalString(Key.kafkaBootstrap)
        let file = env.optionalString(Key.kafkaBootstrapFile)
        let bootstrap = direct ?? file.flatMap { path in
                let text = try? String(contentsOfFile: path, encoding: .utf8)
                if text == nil { env.problem("\(Key.kafkaBootstrapFile)=\(path) cannot be read") }
                return text?.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        if bootstrap == nil || bootstrap?.isEmpty == true {
            env.problem("\(Key.kafkaBootstrap) is required: the Kafka bootstrap servers, e.g. kafka:9092 (or set \(Key.kafkaBootstrapFile))")
        }
        let overridesText = env.string(Key.kafkaProperties, default: "")
        let overrides = KafkaSettings.parseOverrides(overridesText)
        if overrides == nil { env.problem("\(Key.kafkaProperties)=\(overridesText) must be key=value pairs separated by commas") }
        let hostname = ProcessInfo.processInfo.hostName
        let instanceId = env.string(Key.instanceId, default: "\(hostname)-\(getpid())")
        if instanceId.contains(where: { !($0.isLetter || $0.isNumber || "-_.".contains($0)) }) {
            env.problem("\(Key.instanceId)=\(instanceId) may only contain letters, digits, '-', '_' and '.'")
        }
        let checkpointInterval = env.int(Key.checkpointInterval, default: 30, range: 0...86_400)
        let memoryTrimInterval = env.int(Key.memoryTrimInterval, default: 30, range: 0...86_400)
        return ServiceSettings(
            serviceName: service,
            kafka: KafkaSettings(bootstrapServers: bootstrap ?? "", profile: env.oneOf(Key.kafkaProfile, default: KafkaProfile.cluster),
                                 clientId: "\(service)-\(instanceId)", overrides: overrides ?? [:]),
            adminAddress: env.address(Key.adminAddress, default: SocketAddress(host: "0.0.0.0", port: 9090)),
            logLevel: env.oneOf(Key.logLevel, default: LogLevel.info),
            instanceId: instanceId,
            stateDirectory: env.string(Key.stateDirectory, default: ".tradeflow/state/\(service)"),
            checkpointInterval: checkpointInterval > 0 ? .seconds(checkpointInterval) : nil,
            memoryTrimInterval: memoryTrimInterval > 0 ? .seconds(memoryTrimInterval) : nil,
            tenant: env.string(Key.tenant, default: "tradeflow"),
            shutdownTimeout: .seconds(env.int(Key.shutdownTimeout, default: 8, range: 1...60)),
            exitWithParent: env.bool(Key.exitWithParent, default: false))
    }
}
