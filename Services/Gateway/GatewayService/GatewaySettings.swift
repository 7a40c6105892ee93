import HTTP
import Runtime

/// Gateway-only settings, read from the environment with the common ones.
struct GatewaySettings: Sendable {
    var httpAddress: SocketAddress
    var maxConnections: Int
    var maxBodyBytes: Int

    enum Key {
        static let httpAddress = "TRADEFLOW_HTTP_ADDR"
        static let maxConnections = "TRADEFLOW_HTTP_MAX_CONNECTIONS"
        static let maxBodyBytes = "TRADEFLOW_HTTP_MAX_BODY_BYTES"
    }

    static func read(_ env: EnvironmentReader) -> GatewaySettings {
        GatewaySettings(
            httpAddress: env.address(Key.httpAddress, default: SocketAddress(host: "127.0.0.1", port: 8080)),
            maxConnections: env.int(Key.maxConnections, default: 10_000, range: 16...200_000),
            maxBodyBytes: env.int(Key.maxBodyBytes, default: 1 << 20, range: 1024...(16 << 20)))
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
