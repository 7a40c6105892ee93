import HTTP
import Runtime

/// An `HTTPServer` as a `Service`: bound before the group starts (so a taken port fails start-up
/// with a clear message), drained on shutdown.
public final class HTTPServerService: Service {
    public let name: String
    private let server: HTTPServer
    private let stopped = Latch()
    private let drainSeconds: Double

    public init(name: String, configuration: HTTPServerConfiguration, responder: any HTTPResponder,
                logger: Logger, drainSeconds: Double = 5) {
        self.name = name
        self.drainSeconds = drainSeconds
        server = HTTPServer(configuration: configuration, responder: responder) { message in
            logger.warning("http server", ["server": name, "reason": message])
        }
    }

    /// Binds and starts listening; returns the bound port.
    public func bind() throws -> Int { try server.start() }

    public func run() async throws { await stopped.wait() }

    public func shutdown() async {
        await server.shutdown(deadline: drainSeconds)
        stopped.open()
    }
}
