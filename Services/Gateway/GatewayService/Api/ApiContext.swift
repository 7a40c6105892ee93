import CatalogCore
import Contracts
import Foundation
import GatewayCore
import HTTP
import Kafka
import Runtime
import ServiceKit

/// What every route handler uses: who is calling, whether they may, and how to reach the services.
struct ApiContext: Sendable {
    let service: ServiceContext
    let settings: GatewaySettings
    let state: GatewayState
    let authenticator: Authenticator
    let identity: IdentityDecider
    let policy = AccessPolicy()
    let limiter: Locked<RateLimiter<String>>
    let inbox: ReplyInbox
    let replyGate: ReplyGate
    let settlementRules: SettlementRulesReplica
    let verifiedTokens = VerifiedTokens()
    let signIns = Locked(SignInGuard())

    static let audience = "tradeflow-api"

    // MARK: who and may they

    /// The authenticated caller, after the company's rate limit. Every request is checked against
    /// the current directory, so a revoked key or suspended company stops at once.
    func principal(_ request: HTTPRequest) throws -> Principal {
        // Byte-level checks: Foundation's case and whitespace helpers bridge through UTF-16, which
        // showed up in profiles of this hot path.
        guard let header = request.headers["Authorization"], let token = Self.bearerToken(header) else {
            throw ApiError(.unauthorized, "unauthenticated", "send Authorization: Bearer <token> (POST /v1/auth/token)")
                .with(header: ("WWW-Authenticate", "Bearer"))
        }
        let principal: Principal
        do {
            let now = Date()
            let claims = try verifiedTokens.claims(for: token, now: now) {
                try authenticator.tokens.verify(token, now: now, expectedIssuer: authenticator.issuer,
                                                expectedAudience: authenticator.audience)
            }
            principal = try state.directory.withLock { try authenticator.principal(for: claims, in: $0) }
        } catch {
            throw ApiError(.unauthorized, "invalid-token", "\(error)").with(header: ("WWW-Authenticate", "Bearer error=\"invalid_token\""))
        }
        try rateLimit(key: "company:\(principal.company.rawValue)")
        return principal
    }

    /// The token of an `Authorization: Bearer <token>` header value (scheme case-insensitive).
    static func bearerToken(_ header: String) -> String? {
        let bytes = header.utf8
        let scheme = "bearer ".utf8
        guard bytes.count > scheme.count,
              zip(bytes.prefix(scheme.count), scheme).allSatisfy({ ($0 | 0x20) == $1 }) else { return nil }
        let token = bytes.dropFirst(scheme.count).drop { $0 == 32 }
        guard !token.isEmpty, !token.contains(32) else { return nil }
        return String(decoding: token, as: UTF8.self)
    }

    /// Token-bucket limit per key; one noisy company never spends another's budget.
    func rateLimit(key: String) throws {
        let decision = limiter.withLock { $0.take(key, now: Date()) }
        guard decision.allowed else {
            service.metrics.counter("tradeflow_rate_limited_total", help: "Requests refused by a rate limit").increment()
            throw ApiError(.tooManyRequests, "rate-limited", "too many requests; retry after \(decision.retryAfterSeconds) s")
                .with(header: ("Retry-After", String(decision.retryAfterSeconds)))
        }
    }

    func authorize(_ principal: Principal, _ action: AccessAction, owner: ResourceOwner? = nil) throws {
        if case let .denied(denial) = policy.authorize(principal, action, on: owner) {
            throw ApiError.forbidden(denial.reason)
        }
    }

    func catalogActor(_ principal: Principal) -> CatalogActor {
        var user: UserID?
        if case let .user(id)? = principal.subject { user = id }
        return CatalogActor(company: principal.company, roles: principal.roles.map(\.rawValue).sorted(), user: user)
    }

    /// The caller as payment knows it. Payment names platform staff `platform-operator` (it does
    /// not know company types), so the role is added only for a real platform operator.
    func paymentActor(_ principal: Principal) -> PaymentActor {
        var user: UserID?
        if case let .user(id)? = principal.subject { user = id }
        var roles = principal.roles.filter { $0 != .operator }.map(\.rawValue)
        if principal.isPlatformOperator { roles.append(PaymentActor.platformOperatorRole) }
        return PaymentActor(company: principal.company, roles: roles.sorted(), user: user)
    }

    func buyerProfile(_ company: CompanyID) -> BuyerProfile {
        let record = state.directory.withLock { $0.company(company) }
        return BuyerProfile(company: company, tier: record?.tier ?? .standard, region: record?.region)
    }

    // MARK: reaching the services

    /// Sends a command to the service that owns its key and waits for the answer on this instance's
    /// reply partition. A timeout is 504: the command may still be applied, and retrying it is
    /// safe (commands carry ids the services recognise). `commandId` names the command when the
    /// client gave it a name (`IdempotencyKey`); otherwise each request is a command of its own.
    func request<Command, Reply: MessageFamily>(_ topic: Topic<Command>, service name: String, correlation: CorrelationID,
                                               commandId: MessageID? = nil, key: @Sendable (Command) -> String,
                                               _ make: @Sendable (ReplyAddress) -> Command) async throws -> Reply {
        try await replyGate.admitted(service: name) {
            try await exchange(topic, service: name, correlation: correlation, commandId: commandId, key: key, make)
        }
    }

    private func exchange<Command, Reply: MessageFamily>(_ topic: Topic<Command>, service name: String, correlation: CorrelationID,
                                                        commandId: MessageID?, key: @Sendable (Command) -> String,
                                                        _ make: @Sendable (ReplyAddress) -> Command) async throws -> Reply {
        guard let address = inbox.address() else {
            throw ApiError(.serviceUnavailable, "not-ready", "the gateway is still joining its reply partitions")
                .with(header: ("Retry-After", "1"))
        }
        let reply = try await inbox.request(timeout: settings.requestTimeout, address: address) { address in
            let command = make(address)
            let envelope = Envelope(id: commandId ?? MessageID.derived(from: "gateway", address.requestId), occurredAt: Date(),
                                    causationId: nil, correlationId: correlation, tenant: service.settings.tenant,
                                    key: key(command), payload: command)
            // A producer queue that stays full for the whole timeout means Kafka is not keeping up:
            // the client hears 503 (see `handle`) instead of waiting without end.
            try await service.publish(envelope, to: topic, queueWait: settings.requestTimeout)
        }
        guard let reply else {
            throw ApiError(.gatewayTimeout, ApiError.timeoutCode, "the \(name) service did not answer in time; the request is safe to retry")
        }
        do {
            return try WireFormat.decode(reply.value, as: Reply.self).payload
        } catch {
            throw ApiError(.badGateway, "bad-reply", "unreadable reply from the \(name) service: \(error.reason)")
        }
    }

    func sendCatalog(_ make: @escaping @Sendable (ReplyAddress) -> CatalogCommand, correlation: CorrelationID) async throws -> CatalogReply.Outcome {
        let reply: CatalogReply = try await request(Topics.catalogCommands, service: "catalog", correlation: correlation,
                                                    key: { $0.partitionKey }, make)
        return reply.outcome
    }

    /// Order commands are keyed by the buyer company whose orders they concern.
    func sendOrder(buyer: CompanyID, correlation: CorrelationID, commandId: MessageID? = nil,
                   _ make: @escaping @Sendable (ReplyAddress) -> OrderCommand) async throws -> OrderReply.Outcome {
        let reply: OrderReply = try await request(Topics.orderCommands, service: "order", correlation: correlation,
                                                  commandId: commandId, key: { _ in buyer.rawValue }, make)
        return reply.outcome
    }

    /// Publishes a company's complete new state and applies it here at once.
    func publish(_ company: Company, correlation: CorrelationID) async throws {
        let envelope = Envelope(id: MessageID.derived(from: "identity", company.id.rawValue, String(company.revision)),
                                occurredAt: Date(), causationId: nil, correlationId: correlation,
                                tenant: service.settings.tenant, key: company.id.rawValue,
                                payload: IdentityEvent.companyChanged(company))
        try await service.publish(envelope, to: Topics.identityEvents, queueWait: settings.requestTimeout)
        state.applyOwnWrite(company)
    }
}

extension ApiError {
    func with(header: (String, String)) -> ApiError {
        var copy = self
        copy.headers.append(header)
        return copy
    }
}

extension HTTPRequest {
    /// The caller's correlation id (`X-Request-Id`), or a fresh one; it follows the request
    /// through every message it causes.
    var correlationId: CorrelationID {
        if let given = headers["X-Request-Id"], let id = try? CorrelationID(given) { return id }
        return CorrelationID(MessageID.random())
    }
}
