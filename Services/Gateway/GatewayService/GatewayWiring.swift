import Contracts
import Foundation
import GatewayCore
import HTTP
import Kafka
import Runtime
import ServiceKit

/// Connects the gateway: the public HTTP API and the replicas it answers from.
enum GatewayWiring {
    static func parts(_ context: ServiceContext, settings: GatewaySettings) throws -> [any Service] {
        let replicas = ReplicaStore()
        let group = GatewaySubscriptions.replicaGroup(instance: context.settings.instanceId,
                                                      start: String(UInt64(Date().timeIntervalSince1970 * 1000)))
        let replicaConsumer = try context.consumer(group: group, topics: GatewaySubscriptions.replicatedTopics.map(\.name)) { message in
            replicas.apply(message)
        }
        var router = Router()
        AdminRoutes.install(on: &router, readiness: context.readiness, metrics: context.metrics)
        let api = HTTPServerService(name: "gateway-http", configuration: settings.serverConfiguration,
                                    responder: MiddlewareChain([RequestMetrics(metrics: context.metrics)], responder: router),
                                    logger: context.logger)
        let port = try api.bind()
        context.logger.info("gateway listening", ["address": "\(settings.httpAddress.host):\(port)"])
        return [api, replicaConsumer]
    }
}

/// The gateway's in-memory replicas, one per replicated topic.
final class ReplicaStore: Sendable {
    private let replicas = Locked<[String: CompactedReplica<[UInt8]>]>([:])

    func apply(_ message: KafkaMessage) {
        guard let key = message.keyString else { return }
        _ = replicas.withLock { all in
            all[message.topic, default: CompactedReplica()].apply(key: key, value: message.value.isEmpty ? nil : message.value,
                                                                  partition: message.partition, offset: message.offset)
        }
    }

    func count(_ topic: String) -> Int { replicas.withLock { $0[topic]?.count ?? 0 } }
}
