import Foundation
import Kafka
import Runtime
import ServiceKit

/// `tradeflow provision`: creates the registry's topics on a real cluster (the compose and
/// Kubernetes init step). Against the mock cluster `tradeflow dev` provisions through the mock API.
enum ProvisionCommand {
    static func run(_ arguments: ArraySlice<String>) async -> Int32 {
        var options = Arguments(arguments, allowed: ["--bootstrap", "--replication"])
        let bootstrap = options["--bootstrap"] ?? ProcessInfo.processInfo.environment[ServiceSettings.Key.kafkaBootstrap]
        let replication = options.int("--replication", default: 1, range: 1...10)
        if bootstrap == nil { StandardError.write("tradeflow provision: --bootstrap (or \(ServiceSettings.Key.kafkaBootstrap)) is required") }
        guard options.problems.isEmpty, let bootstrap else {
            options.problems.forEach { StandardError.write("tradeflow provision: \($0)") }
            return 64
        }
        let propertiesText = ProcessInfo.processInfo.environment[ServiceSettings.Key.kafkaProperties] ?? ""
        guard let overrides = KafkaSettings.parseOverrides(propertiesText) else {
            StandardError.write("tradeflow provision: \(ServiceSettings.Key.kafkaProperties) must be key=value pairs separated by commas")
            return 64
        }
        let settings = KafkaSettings(bootstrapServers: bootstrap, profile: .cluster, clientId: "tradeflow-provision",
                                     overrides: overrides)
        let admin = KafkaAdmin(settings: settings, logger: Logger(label: "provision", level: .warning))
        var delay = Duration.seconds(1)
        // The broker may still be starting (compose starts everything at once): retry for a while.
        for attempt in 1...10 {
            do {
                let created = try await TopicProvisioning.provision(using: admin, replicationFactor: replication)
                // Existing topics are left as they are: say so when they differ from this version.
                let mismatches = TopicLayout.mismatches(onCluster: try await admin.partitionCounts())
                guard mismatches.isEmpty else {
                    StandardError.write("tradeflow provision: topics exist with other partition counts than this version declares:\n  "
                                        + mismatches.joined(separator: "\n  ")
                                        + "\nmigrate or recreate them (see README, Topics); services refuse to start until then")
                    return 1
                }
                StandardOutput.write("provisioned \(TopicProvisioning.specs.count) topics (\(created.count) new)\n")
                return 0
            } catch {
                StandardError.write("tradeflow provision: attempt \(attempt) failed: \(error)")
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(15))
            }
        }
        return 1
    }
}
