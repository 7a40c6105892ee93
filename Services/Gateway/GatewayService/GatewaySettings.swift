import Crypto
import Foundation
import HTTP
import Runtime

/// Gateway-only settings, read from the environment with the common ones.
struct GatewaySettings: Sendable {
    var httpAddress: SocketAddress
    var maxConnections: Int
    var maxBodyBytes: Int
    /// HMAC keys: the first signs, all verify (rotation). Each at least 32 bytes.
    var tokenSecrets: [String]
    var tokenLifetimeSeconds: Int
    var tokenIssuer: String
    var rateLimitPerSecond: Int
    var rateLimitBurst: Int
    var passwordIterations: Int
    var requestTimeout: Duration
    var requestTimeoutMilliseconds: Int
    /// Requests that may wait for a service's answer at once; beyond it, 503 with Retry-After.
    var maxPendingReplies: Int
    /// Shared with the payment provider, which signs its callbacks with it; empty = callbacks refused.
    var paymentProviderSecret: String

    enum Key {
        static let httpAddress = "TRADEFLOW_HTTP_ADDR"
        static let maxConnections = "TRADEFLOW_HTTP_MAX_CONNECTIONS"
        static let maxBodyBytes = "TRADEFLOW_HTTP_MAX_BODY_BYTES"
        static let tokenSecret = "TRADEFLOW_TOKEN_SECRET"
        static let previousTokenSecrets = "TRADEFLOW_TOKEN_PREVIOUS_SECRETS"
        static let tokenLifetime = "TRADEFLOW_TOKEN_TTL_SECONDS"
        static let tokenIssuer = "TRADEFLOW_TOKEN_ISSUER"
        static let rateLimitPerSecond = "TRADEFLOW_RATE_LIMIT_PER_SECOND"
        static let rateLimitBurst = "TRADEFLOW_RATE_LIMIT_BURST"
        static let passwordIterations = "TRADEFLOW_PASSWORD_ITERATIONS"
        static let requestTimeout = "TRADEFLOW_REQUEST_TIMEOUT_MS"
        static let maxPendingReplies = "TRADEFLOW_GATEWAY_MAX_PENDING_REPLIES"
        static let paymentProviderSecret = "TRADEFLOW_PAYMENT_PROVIDER_SECRET"
    }

    static func read(_ env: EnvironmentReader) -> GatewaySettings {
        let secret = env.requiredString(Key.tokenSecret, hint: "a random secret of at least 32 characters that signs access tokens (the same on every gateway instance)")
        if !secret.isEmpty && secret.utf8.count < 32 { env.problem("\(Key.tokenSecret) must be at least 32 characters") }
        let previous = env.string(Key.previousTokenSecrets, default: "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if previous.contains(where: { $0.utf8.count < 32 }) { env.problem("\(Key.previousTokenSecrets): every secret must be at least 32 characters") }
        let providerSecret = env.string(Key.paymentProviderSecret, default: "")
        if !providerSecret.isEmpty && providerSecret.utf8.count < 32 {
            env.problem("\(Key.paymentProviderSecret) must be at least 32 characters (or unset to refuse provider callbacks)")
        }
        let timeoutMs = env.int(Key.requestTimeout, default: 5_000, range: 100...60_000)
        return GatewaySettings(
            httpAddress: env.address(Key.httpAddress, default: SocketAddress(host: "127.0.0.1", port: 8080)),
            maxConnections: env.int(Key.maxConnections, default: 10_000, range: 16...200_000),
            maxBodyBytes: env.int(Key.maxBodyBytes, default: 1 << 20, range: 1024...(16 << 20)),
            tokenSecrets: [secret] + previous,
            tokenLifetimeSeconds: env.int(Key.tokenLifetime, default: 900, range: 60...86_400),
            tokenIssuer: env.string(Key.tokenIssuer, default: "tradeflow"),
            rateLimitPerSecond: env.int(Key.rateLimitPerSecond, default: 500, range: 1...1_000_000),
            rateLimitBurst: env.int(Key.rateLimitBurst, default: 1_000, range: 1...1_000_000),
            passwordIterations: env.int(Key.passwordIterations, default: 260_000, range: 1_000...10_000_000),
            requestTimeout: .milliseconds(timeoutMs),
            requestTimeoutMilliseconds: timeoutMs,
            // 1,024 waiting requests at a few KiB each (up to the body limit) is a bounded cost, and
            // far above what a healthy platform needs (answers take milliseconds).
            maxPendingReplies: env.int(Key.maxPendingReplies, default: 1_024, range: 1...1_000_000),
            paymentProviderSecret: providerSecret)
    }

    var serverConfiguration: HTTPServerConfiguration {
        var configuration = HTTPServerConfiguration()
        configuration.host = httpAddress.host
        configuration.port = httpAddress.port
        configuration.maxConnections = maxConnections
        configuration.maxBodyBytes = maxBodyBytes
        return configuration
    }
}
