/// Limits and timeouts of an `HTTPServer`. Every limit maps to one status code, so clients and
/// dashboards can tell which one they hit (see NOTES.md for the table).
public struct HTTPServerConfiguration: Sendable {
    /// Numeric IPv4 or IPv6 address (`"0.0.0.0"`, `"::"`) or `"localhost"`; no DNS lookups.
    public var host: String
    /// 0 picks an ephemeral port; `HTTPServer.start()` returns the one bound.
    public var port: Int
    public var backlog: Int
    /// Request line plus header fields, line endings included. Over it: 431.
    public var maxHeaderBytes: Int
    /// Header fields per request. Over it: 431.
    public var maxHeaderCount: Int
    /// Request line alone (method, target, version). Over it: 414, since in practice it is the target.
    public var maxRequestLineBytes: Int
    /// Declared Content-Length. Over it: 413, answered before any of the body is read.
    public var maxBodyBytes: Int
    /// Open client connections. Beyond it a new connection is accepted, answered 503 with
    /// `Retry-After: 1` and closed.
    public var maxConnections: Int
    /// Requests parsed ahead of their responses on one connection; at the limit the server stops
    /// reading that socket until responses drain (TCP backpressure).
    public var maxPipelinedRequests: Int
    /// A keep-alive connection with nothing in progress is closed silently after this long.
    public var idleTimeout: Duration
    /// A request whose first byte has arrived must be complete (head and body) within this, or the
    /// client gets 408 and the connection is closed. Defeats slowloris-style clients.
    public var requestTimeout: Duration
    /// Pending response bytes that make no progress for this long close the connection.
    public var writeTimeout: Duration
    /// A handler still running after this gets its request answered 503 (`handler_timeout`) and its
    /// task cancelled; nil lets handlers run as long as they like.
    public var handlerTimeout: Duration?
    /// After the last response on a closing connection, unread input is drained for at most this long
    /// before the socket is closed, so a client still sending a rejected body sees the response
    /// instead of a TCP reset.
    public var lingerTimeout: Duration

    public init(host: String = "127.0.0.1", port: Int = 0, backlog: Int = 1024,
                maxHeaderBytes: Int = 16 * 1024, maxHeaderCount: Int = 100, maxRequestLineBytes: Int = 8 * 1024,
                maxBodyBytes: Int = 1 << 20, maxConnections: Int = 10_000, maxPipelinedRequests: Int = 16,
                idleTimeout: Duration = .seconds(60), requestTimeout: Duration = .seconds(10),
                writeTimeout: Duration = .seconds(10), handlerTimeout: Duration? = nil,
                lingerTimeout: Duration = .seconds(2)) {
        self.host = host
        self.port = port
        self.backlog = backlog
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxBodyBytes = maxBodyBytes
        self.maxConnections = maxConnections
        self.maxPipelinedRequests = maxPipelinedRequests
        self.idleTimeout = idleTimeout
        self.requestTimeout = requestTimeout
        self.writeTimeout = writeTimeout
        self.handlerTimeout = handlerTimeout
        self.lingerTimeout = lingerTimeout
    }
}

extension Duration {
    /// Whole nanoseconds, saturating, for comparisons against the monotonic clock.
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : whole &+ UInt64(attoseconds / 1_000_000_000)
    }
}
