import Foundation
import HTTP
import Kafka
import Runtime
import ServiceKit
#if canImport(Glibc)
import Glibc
#endif

/// `tradeflow dev`: the whole platform on one machine. Starts librdkafka's mock cluster in this
/// process, provisions every topic, starts each service as its own OS process pointed at it,
/// waits until all are ready, and keeps them running until Ctrl-C.
enum DevCommand {
    /// The services in start order; the gateway last so it finds the others' topics ready.
    static let serviceNames = ["catalog", "inventory", "payment", "order", "notification", "analytics", "gateway"]

    static func run(_ arguments: ArraySlice<String>) async -> Int32 {
        var options = Arguments(arguments, allowed: ["--http-addr", "--admin-port-base", "--dir", "--log-level"], switches: ["--no-demo", "--exit-with-parent"])
        let httpAddress = SocketAddress(parsing: options["--http-addr"] ?? "127.0.0.1:8080")
        let adminBase = options.int("--admin-port-base", default: 9101, range: 1024...65000)
        let directory = URL(fileURLWithPath: options["--dir"] ?? ".tradeflow").standardizedFileURL
        let logLevel = options["--log-level"] ?? "info"
        let console = Console()
        if httpAddress == nil { console.alert("--http-addr must be HOST:PORT") }
        if LogLevel(rawValue: logLevel) == nil { console.alert("--log-level must be one of \(LogLevel.allCases.map(\.rawValue).joined(separator: ", "))") }
        options.problems.forEach { console.alert($0) }
        guard let httpAddress, options.problems.isEmpty, LogLevel(rawValue: logLevel) != nil else { return 64 }

        let layout = DevLayout(root: directory)
        do {
            try layout.create()
        } catch {
            console.alert("cannot create \(directory.path): \(error)")
            return 1
        }
        let binaries = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let missing = serviceNames.filter { !FileManager.default.isExecutableFile(atPath: binaries.appendingPathComponent($0).path) }
        guard missing.isEmpty else {
            console.alert("service executables not found next to tradeflow in \(binaries.path): \(missing.joined(separator: ", ")). Run `swift build` first.")
            return 1
        }
        let ports = serviceNames.indices.map { adminBase + $0 }
        let taken = ([httpAddress.port] + ports).filter { !PortProbe.isFree(port: $0, host: "127.0.0.1") }
        guard taken.isEmpty else {
            console.alert("ports already in use: \(taken.map(String.init).joined(separator: ", ")). Is another `tradeflow dev` running? Use --http-addr / --admin-port-base.")
            return 1
        }

        let cluster: MockCluster
        do {
            try layout.clearState()
            cluster = try MockCluster(brokers: 1, logger: Logger(label: "mock-kafka", level: .warning))
            try TopicProvisioning.provision(on: cluster)
            try layout.writeBootstrap(cluster.bootstrapServers)
        } catch {
            console.alert("cannot start the mock Kafka cluster: \(error)")
            return 1
        }
        console.say("Kafka mock cluster at \(cluster.bootstrapServers) with \(TopicProvisioning.specs.count) topics")

        // Tokens signed by this dev platform are valid only while it runs.
        let secrets: DevSecrets
        do {
            secrets = DevSecrets(token: DevLayout.randomSecret(),
                                 provider: try layout.providerSecret(given: ProcessInfo.processInfo.environment["TRADEFLOW_PAYMENT_PROVIDER_SECRET"]))
        } catch {
            console.alert("cannot write \(layout.providerSecretFile.path): \(error)")
            cluster.shutdown()
            return 1
        }
        let services = zip(serviceNames, ports).map { name, port in
            ManagedService(name: name, executable: binaries.appendingPathComponent(name).path,
                           environment: environment(for: name, adminPort: port, http: httpAddress, cluster: cluster,
                                                    layout: layout, logLevel: logLevel, secrets: secrets),
                           logFile: layout.logFile(name), adminPort: port)
        }
        let status = DevStatusFile(layout: layout, bootstrap: cluster.bootstrapServers, gateway: httpAddress, services: services)
        let supervisor = Supervisor(services: services, console: console) { status.write($0) }
        let seeder = options.flag("--no-demo") ? nil : DemoSeeder(
            gateway: httpAddress.host == "0.0.0.0" ? SocketAddress(host: "127.0.0.1", port: httpAddress.port) : httpAddress,
            kafka: KafkaSettings(bootstrapServers: cluster.bootstrapServers, profile: .mock, clientId: "tradeflow-demo"),
            output: layout.root.appendingPathComponent("demo.json"))
        let announcer = ReadinessAnnouncer(services: services, gateway: httpAddress, layout: layout,
                                           bootstrap: cluster.bootstrapServers, console: console, seeder: seeder)
        let group = ServiceGroup(services: [supervisor, announcer], logger: Logger(label: "tradeflow-dev", level: .warning),
                                 shutdownTimeout: .seconds(20))
        // For a platform another tool started (the benchmark): stopped with it, even if that tool
        // is killed, instead of holding its ports and CPU as an orphan. Its services watch this
        // process in turn. Not the default: a platform started by hand may outlive its shell.
        if options.flag("--exit-with-parent") { ParentWatch.start(logger: Logger(label: "tradeflow-dev", level: .warning)) }
        _ = await group.run()
        console.say("stopping the mock Kafka cluster")
        cluster.shutdown()
        layout.removeBootstrap()
        console.say("stopped; no process left behind")
        return 0
    }

    static func environment(for name: String, adminPort: Int, http: SocketAddress, cluster: MockCluster,
                            layout: DevLayout, logLevel: String, secrets: DevSecrets) -> [String: String] {
        // The platform's own settings are decided here; gateway tuning given to `tradeflow dev`
        // (rate limits, token lifetime, hashing cost) passes through.
        let tuning: Set<String> = ["TRADEFLOW_RATE_LIMIT_PER_SECOND", "TRADEFLOW_RATE_LIMIT_BURST", "TRADEFLOW_TOKEN_TTL_SECONDS",
                                   "TRADEFLOW_PASSWORD_ITERATIONS", "TRADEFLOW_REQUEST_TIMEOUT_MS",
                                   "TRADEFLOW_GATEWAY_MAX_PENDING_REPLIES",
                                   "TRADEFLOW_ORDER_APPROVAL_TIMEOUT_SECONDS", "TRADEFLOW_ORDER_PAYMENT_TIMEOUT_SECONDS",
                                   "TRADEFLOW_PAYMENT_DEADLINE_CHECK_SECONDS",
                                   // how often order, inventory, payment and notification write state snapshots
                                   "TRADEFLOW_CHECKPOINT_INTERVAL_SECONDS", "TRADEFLOW_MEMORY_TRIM_SECONDS",
                                   // extra librdkafka properties for every service's clients (measuring client settings)
                                   "TRADEFLOW_KAFKA_PROPERTIES",
                                   // notification: the SMTP relay and webhook retries (tests shorten them)
                                   "TRADEFLOW_SMTP_ADDR", "TRADEFLOW_SMTP_FROM", "TRADEFLOW_SMTP_HELO", "TRADEFLOW_SMTP_TIMEOUT_MS",
                                   "TRADEFLOW_WEBHOOK_BACKOFF_MS", "TRADEFLOW_WEBHOOK_BACKOFF_MAX_MS", "TRADEFLOW_WEBHOOK_MAX_ATTEMPTS",
                                   "TRADEFLOW_WEBHOOK_TIMEOUT_MS",
                                   "TRADEFLOW_CONSOLE_BASE_URL", "TRADEFLOW_WEBHOOK_CA_FILE", "TRADEFLOW_WEBHOOK_ALLOW_PRIVATE_NETWORKS"]
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TRADEFLOW_") || tuning.contains($0.key) }
        env[ServiceSettings.Key.kafkaBootstrap] = cluster.bootstrapServers
        env[ServiceSettings.Key.kafkaProfile] = KafkaProfile.mock.rawValue
        env[ServiceSettings.Key.adminAddress] = "127.0.0.1:\(adminPort)"
        env[ServiceSettings.Key.stateDirectory] = layout.stateDirectory(name)
        env[ServiceSettings.Key.instanceId] = "\(name)-1"
        env[ServiceSettings.Key.logLevel] = logLevel
        env[ServiceSettings.Key.exitWithParent] = "true"
        // Developers and tests receive webhooks on loopback, which production refuses (SSRF guard).
        // A value given explicitly (e.g. false, to try the guard) wins.
        if env["TRADEFLOW_WEBHOOK_ALLOW_PRIVATE_NETWORKS"] == nil { env["TRADEFLOW_WEBHOOK_ALLOW_PRIVATE_NETWORKS"] = "true" }
        if name == "gateway" {
            env["TRADEFLOW_HTTP_ADDR"] = http.description
            env["TRADEFLOW_TOKEN_SECRET"] = secrets.token
            env["TRADEFLOW_PAYMENT_PROVIDER_SECRET"] = secrets.provider
        }
        return env
    }
}

/// The gateway's secrets for one run: a fresh token key, and the provider's callback secret
/// (given, or fresh and written to `.tradeflow/payment-provider.secret`).
struct DevSecrets {
    let token: String
    let provider: String
}
