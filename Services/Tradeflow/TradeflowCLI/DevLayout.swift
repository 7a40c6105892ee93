import Foundation
import Runtime

/// The files `tradeflow dev` keeps under its directory (default `.tradeflow/`).
struct DevLayout: Sendable {
    let root: URL

    var bootstrapFile: URL { root.appendingPathComponent("kafka.bootstrap") }
    var statusFile: URL { root.appendingPathComponent("dev.json") }
    func logFile(_ service: String) -> String { root.appendingPathComponent("logs/\(service).log").path }
    func stateDirectory(_ service: String) -> String { root.appendingPathComponent("state/\(service)").path }

    func create() throws {
        for sub in ["logs", "state"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
    }

    /// Empties `state/`. Each run starts a new in-memory mock cluster, so the snapshots of the
    /// last run describe topics that no longer exist; kept, one whose offset the new topic had
    /// reached by a service's restart would have been taken for this run's state.
    func clearState() throws {
        let state = root.appendingPathComponent("state")
        if FileManager.default.fileExists(atPath: state.path) { try FileManager.default.removeItem(at: state) }
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
    }

    /// Outside clients read this: `kcat -b "$(cat .tradeflow/kafka.bootstrap)" -L`.
    func writeBootstrap(_ servers: String) throws {
        try Data((servers + "\n").utf8).write(to: bootstrapFile, options: .atomic)
    }

    func removeBootstrap() { try? FileManager.default.removeItem(at: bootstrapFile) }

    /// The secret a payment provider (or a test standing in for one) signs callbacks with.
    var providerSecretFile: URL { root.appendingPathComponent("payment-provider.secret") }

    /// The given secret, or a fresh one for this run; written for whoever plays the provider.
    func providerSecret(given: String?) throws -> String {
        let secret = given.flatMap { $0.isEmpty ? nil : $0 } ?? DevLayout.randomSecret()
        try Data(secret.utf8).write(to: providerSecretFile, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: providerSecretFile.path)
        return secret
    }

    /// 48 random letters and digits: a secret for one run of the platform.
    static func randomSecret() -> String {
        (0..<48).map { _ in String("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".randomElement()!) }.joined()
    }
}

/// `.tradeflow/dev.json`: where everything is and how each service is doing (pid, restarts),
/// rewritten on every change so scripts and tests can follow the platform.
final class DevStatusFile: Sendable {
    private let layout: DevLayout
    private let bootstrap: String
    private let gateway: String
    private let adminPorts: [String: Int]
    private let lock = Locked(())

    init(layout: DevLayout, bootstrap: String, gateway: SocketAddress, services: [ManagedService]) {
        self.layout = layout
        self.bootstrap = bootstrap
        self.gateway = "http://\(gateway)"
        self.adminPorts = Dictionary(uniqueKeysWithValues: services.map { ($0.name, $0.adminPort) })
    }

    struct Document: Codable {
        struct Entry: Codable {
            let pid: Int32?
            let running: Bool
            let restarts: Int
            let lastExit: String?
            let admin: String
        }
        let kafkaBootstrap: String
        let gateway: String
        /// The `tradeflow dev` process itself: the supervisor, with the mock Kafka cluster's broker
        /// thread in it (`bench` reads what that thread costs). Absent in files of older builds.
        let pid: Int32?
        let services: [String: Entry]
    }

    func write(_ statuses: [String: Supervisor.ServiceStatus]) {
        var entries: [String: Document.Entry] = [:]
        for (name, status) in statuses {
            entries[name] = Document.Entry(pid: status.pid, running: status.running, restarts: status.restarts,
                                         lastExit: status.lastExit, admin: "http://127.0.0.1:\(adminPorts[name] ?? 0)")
        }
        let document = Document(kafkaBootstrap: bootstrap, gateway: gateway, pid: getpid(), services: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return }
        lock.withLock { _ in try? data.write(to: layout.statusFile, options: .atomic) }
    }
}
