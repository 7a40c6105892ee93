import CatalogCore
import Contracts
import Crypto
import Foundation
import GatewayCore
import HTTP
import Kafka
import Runtime
import ServiceKit

/// Connects the gateway: replicas it answers reads from, the reply inbox for commands, and the
/// public HTTP API.
enum GatewayWiring {
    static func parts(_ context: ServiceContext, settings: GatewaySettings) throws -> [any Service] {
        let state = GatewayState()
        let replica = try TopicReplica(context: context, name: "gateway", topics: GatewaySubscriptions.replicatedTopics.map {
            ($0.name, $0.partitions)
        }) { message in fold(message, into: state) }
        let inbox = try ReplyInbox(context: context)
        let settlementRules = try SettlementRulesReplica(context: context)

        let keys = try settings.tokenSecrets.enumerated().map { index, secret in
            try SigningKey(id: "k\(settings.tokenSecrets.count - index)", secret: Array(secret.utf8))
        }
        let tokens = try TokenService(currentKey: keys[0], previousKeys: Array(keys.dropFirst()))
        let hasher = PasswordHasher(iterations: settings.passwordIterations)
        let api = ApiContext(
            service: context, settings: settings, state: state,
            authenticator: Authenticator(passwordHasher: hasher, tokens: tokens, issuer: settings.tokenIssuer,
                                         audience: ApiContext.audience, tokenLifetime: TimeInterval(settings.tokenLifetimeSeconds)),
            identity: IdentityDecider(passwordHasher: hasher),
            limiter: Locked(RateLimiter(capacity: settings.rateLimitBurst, refillPerSecond: Double(settings.rateLimitPerSecond))),
            inbox: inbox,
            replyGate: ReplyGate(limit: settings.maxPendingReplies, requestTimeoutMilliseconds: settings.requestTimeoutMilliseconds,
                                 metrics: context.metrics),
            settlementRules: settlementRules)

        var router = buildRoutes(api).router
        AdminRoutes.install(on: &router, readiness: context.readiness, metrics: context.metrics)
        let http = HTTPServerService(name: "gateway-http", configuration: settings.serverConfiguration,
                                     responder: MiddlewareChain([RequestMetrics(metrics: context.metrics),
                                                                  ReadinessGate(readiness: context.readiness)],
                                                                 responder: router),
                                     logger: context.logger)
        let port = try http.bind()
        context.logger.info("gateway listening", ["address": "\(settings.httpAddress.host):\(port)"])
        return [replica.restorer(), replica.follower] + settlementRules.services + [inbox.consumer, http]
    }

    static func buildRoutes(_ context: ApiContext) -> ApiRouter {
        var api = ApiRouter()
        AuthRoutes.install(on: &api, context: context)
        CompanyRoutes.install(on: &api, context: context)
        CatalogCommandRoutes.install(on: &api, context: context)
        CatalogRoutes.install(on: &api, context: context)
        ShopRoutes.install(on: &api, context: context)
        OrderRoutes.install(on: &api, context: context)
        SubOrderRoutes.install(on: &api, context: context)
        SubOrderDeskRoutes.install(on: &api, context: context)
        BatchShipRoutes.install(on: &api, context: context)
        ReturnRoutes.install(on: &api, context: context)
        CreditRoutes.install(on: &api, context: context)
        PaymentRoutes.install(on: &api, context: context)
        InventoryRoutes.install(on: &api, context: context)
        AnalyticsRoutes.install(on: &api, context: context)
        NotificationRoutes.install(on: &api, context: context)
        DocsRoutes.install(on: &api)  // last: documents every route above
        return api
    }

    /// Folds one replicated record into the gateway's state. Records of a type this version does
    /// not know are skipped (a newer writer may be rolling out); the topics' own consumers
    /// dead-letter what is truly broken.
    static func fold(_ message: KafkaMessage, into state: GatewayState) {
        switch message.topic {
        case Topics.identityEvents.name:
            if case let .companyChanged(company)? = try? WireFormat.decode(message.value, as: IdentityEvent.self).payload {
                state.apply(company)
            }
        case Topics.catalogEvents.name:
            if let envelope = try? WireFormat.decode(message.value, as: CatalogEvent.self) { state.apply(envelope.payload) }
        case Topics.inventoryEvents.name:
            if let envelope = try? WireFormat.decode(message.value, as: InventoryEvent.self) { state.apply(envelope.payload) }
        case Topics.analyticsSnapshots.name:
            // Kept as bytes: analytics re-publishes every changed scope every second, dashboards
            // are read far less often, so a snapshot is parsed when first read.
            state.keepAnalytics(key: String(decoding: message.key ?? [], as: UTF8.self), offset: message.offset,
                                record: message.value)
        default:
            break
        }
    }
}
