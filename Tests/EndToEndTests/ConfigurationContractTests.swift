import Foundation
import Kafka
import Testing
import TestSupport

/// The environment-variable contract between the executables and the deploy files
/// (docker-compose.yml, deploy/kubernetes): checked here because Docker cannot run in CI.
@Suite struct ConfigurationContractTests {
    static let services = ["catalog", "order", "inventory", "payment", "notification", "analytics", "gateway"]

    struct Report: Decodable {
        let valid: Bool
        let problems: [String]
        let variablesRead: [String]
    }

    private func checkConfig(_ service: String, _ environment: [String: String]) async throws -> (Int32, Report?) {
        let directory = try TemporaryDirectory(prefix: "config")
        defer { directory.remove() }
        let child = try ChildProcess(BuiltProducts.executable(service), arguments: ["--check-config"],
                                     environment: environment, logDirectory: directory.url)
        let ended = await child.waitForExit(timeout: .seconds(20))
        return (ended?.status ?? -1, try? JSONDecoder().decode(Report.self, from: Data(child.stdout.utf8)))
    }

    private static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url
    }

    /// Every `TRADEFLOW_*` name written in the deploy files.
    private static func variablesInDeployFiles() throws -> Set<String> {
        let root = repositoryRoot
        var files = [root.appendingPathComponent("docker-compose.yml")]
        let kubernetes = root.appendingPathComponent("deploy/kubernetes")
        files += (try FileManager.default.contentsOfDirectory(at: kubernetes, includingPropertiesForKeys: nil))
            .filter { $0.pathExtension == "yaml" || $0.pathExtension == "yml" }
        var names = Set<String>()
        let pattern = try NSRegularExpression(pattern: "TRADEFLOW_[A-Z0-9_]+")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                names.insert(String(text[Range(match.range, in: text)!]))
            }
        }
        return names
    }

    @Test func deployFiles_setOnlyVariablesTheExecutablesRead() async throws {
        var read = Set<String>()
        for service in Self.services {
            let (code, report) = try await checkConfig(service, ["TRADEFLOW_KAFKA_BOOTSTRAP": "kafka:9092",
                                                                 "TRADEFLOW_TOKEN_SECRET": String(repeating: "s", count: 40)])
            #expect(code == 0, "\(service) --check-config: \(report?.problems ?? [])")
            read.formUnion(report?.variablesRead ?? [])
        }
        let used = try Self.variablesInDeployFiles()
        #expect(!used.isEmpty)
        #expect(used.subtracting(read).isEmpty, "set in deploy files but read by no executable: \(used.subtracting(read).sorted())")
    }

    @Test func invalidVariable_stopsTheServiceAtStart_namingTheVariable() async throws {
        let (code, report) = try await checkConfig("gateway", ["TRADEFLOW_KAFKA_BOOTSTRAP": "kafka:9092",
                                                               "TRADEFLOW_TOKEN_SECRET": String(repeating: "s", count: 40),
                                                               "TRADEFLOW_HTTP_ADDR": "not-an-address",
                                                               "TRADEFLOW_LOG_LEVEL": "chatty"])
        #expect(code == 78)
        #expect(report?.valid == false)
        #expect(report?.problems.contains { $0.contains("TRADEFLOW_HTTP_ADDR") } == true)
        #expect(report?.problems.contains { $0.contains("TRADEFLOW_LOG_LEVEL") } == true)
    }

    @Test func unreadableWebhookCAFile_stopsNotificationAtStart() async throws {
        let (code, report) = try await checkConfig("notification", ["TRADEFLOW_KAFKA_BOOTSTRAP": "kafka:9092",
                                                                    "TRADEFLOW_WEBHOOK_CA_FILE": "/nonexistent/erp-ca.pem",
                                                                    "TRADEFLOW_WEBHOOK_ALLOW_PRIVATE_NETWORKS": "maybe"])
        #expect(code == 78)
        #expect(report?.problems.contains { $0.contains("TRADEFLOW_WEBHOOK_CA_FILE=/nonexistent/erp-ca.pem") } == true, "\(report?.problems ?? [])")
        #expect(report?.problems.contains { $0.contains("TRADEFLOW_WEBHOOK_ALLOW_PRIVATE_NETWORKS") } == true, "\(report?.problems ?? [])")
    }

    @Test func topicsWithOtherPartitionCounts_stopTheServiceAtStart_namingTheTopic() async throws {
        // A cluster provisioned by a version that declared 24 partitions for order.events.v1.
        let cluster = try MockCluster(logger: KafkaTestKit.quietLogger)
        defer { cluster.shutdown() }
        try cluster.createTopic(TopicSpec(name: "order.events.v1", partitions: 24))
        let directory = try TemporaryDirectory(prefix: "layout")
        defer { directory.remove() }
        let child = try ChildProcess(BuiltProducts.executable("order"), environment: [
            "TRADEFLOW_KAFKA_BOOTSTRAP": cluster.bootstrapServers, "TRADEFLOW_KAFKA_PROFILE": "mock",
            "TRADEFLOW_STATE_DIR": directory.path, "TRADEFLOW_ADMIN_ADDR": "127.0.0.1:0"], logDirectory: directory.url)
        let ended = await child.waitForExit(timeout: .seconds(30))
        if ended == nil { child.signal(SIGKILL) }
        #expect(ended?.status == 78, "\(child.stderr)")
        #expect(child.stderr.contains("order.events.v1 has 24 partitions on the cluster; this version declares 8"), "\(child.stderr)")
    }

    @Test func missingBootstrap_isReportedWithAHint() async throws {
        let (code, report) = try await checkConfig("order", [:])
        #expect(code == 78)
        #expect(report?.problems.first { $0.contains("TRADEFLOW_KAFKA_BOOTSTRAP is required") } != nil)
    }
}
