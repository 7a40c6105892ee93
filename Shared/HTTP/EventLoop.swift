import Glibc

/// The server's single I/O thread: accepts, reads, parses, and writes every connection through one
/// level-triggered epoll instance. Handlers run as Swift tasks on the cooperative pool; their responses
/// come back through `LoopMailbox`. Everything in this class is confined to the loop thread.
final class EventLoop {
    /// Everything `HTTPServer.start()` prepares (and registers with epoll) before the thread starts,
    /// so setup errors surface from `start()` instead of dying on the loop thread.
    struct Resources: Sendable {
        let listener: Int32
        let epoll: Epoll
        let mailbox: LoopMailbox
    }

    enum Token {
        static let listener: UInt64 = 0
        static let mailbox: UInt64 = 1
        static let firstConnection: UInt64 = 2
    }

    /// One receive buffer shared by all connections: most requests are parsed straight out of it and
    /// only the unparsed tail of a read is copied into the connection.
    static let readBufferSize = 64 * 1024
    /// Accepted connections over `maxConnections` still get a 503; beyond this many extra, they are
    /// closed without an answer so a flood cannot exhaust descriptors through the rejection path.
    static let rejectionAllowance = 1024

    let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    let mailbox: LoopMailbox
    let epoll: Epoll
    let onError: @Sendable (String) -> Void
    let onProtocolRejection: @Sendable (HTTPStatus) -> Void
    let limits: RequestHeadParser.Limits
    let tickNanoseconds: UInt64

    var listener: Int32?
    var acceptResumesAt: UInt64?
    var connections: [UInt64: Connection] = [:]
    var nextConnectionID = Token.firstConnection
    /// Connections counted against `maxConnections`.
    var servingCount = 0
    var now: UInt64
    var dateCache = HTTPDateCache()
    /// Set once shutdown began: no accepting, no new requests, hard stop at this time.
    var drainDeadline: UInt64?

    let readBuffer: UnsafeMutableBufferPointer<UInt8>
    private let events = EpollEvents(capacity: 256)
    var completions: [LoopMailbox.Completion] = []
    var commands: [LoopMailbox.Command] = []
    var readyConnections: [Connection] = []

    init(configuration: HTTPServerConfiguration, responder: any HTTPResponder, resources: Resources,
         onError: @escaping @Sendable (String) -> Void, onProtocolRejection: @escaping @Sendable (HTTPStatus) -> Void) {
        self.configuration = configuration
        self.responder = responder
        self.mailbox = resources.mailbox
        self.epoll = resources.epoll
        self.listener = resources.listener
        self.onError = onError
        self.onProtocolRejection = onProtocolRejection
        self.limits = RequestHeadParser.Limits(
            maxHeaderBytes: configuration.maxHeaderBytes, maxHeaderCount: configuration.maxHeaderCount,
            maxRequestLineBytes: configuration.maxRequestLineBytes, maxBodyBytes: configuration.maxBodyBytes)
        // Timers are checked by a sweep every tick: 250 ms normally, finer when a timeout is short
        // (tests), so a timeout fires at most ~25% late.
        let shortest = [configuration.idleTimeout, configuration.requestTimeout, configuration.writeTimeout,
                        configuration.lingerTimeout, configuration.handlerTimeout ?? .seconds(1)]
            .map(\.nanoseconds).min() ?? 1_000_000_000
        self.tickNanoseconds = min(250_000_000, max(10_000_000, shortest / 4))
        self.now = MonotonicClock.now()
        self.readBuffer = .allocate(capacity: Self.readBufferSize)
    }

    deinit {
        readBuffer.deallocate()
    }

    func run() {
        var nextSweep = now &+ tickNanoseconds
        while true {
            let ready: Int
            do {
                ready = try events.wait(on: epoll, timeoutMilliseconds: Int32(tickNanoseconds / 1_000_000))
            } catch {
                onError("HTTP event loop stopped: \(error)")
                break
            }
            now = MonotonicClock.now()
            dateCache.refresh()
            for index in 0..<ready {
                handle(events.events[index], token: events.tokens[index])
            }
            if now >= nextSweep {
                sweep()
                nextSweep = now &+ tickNanoseconds
            }
            if let resume = acceptResumesAt, now >= resume {
                resumeAccepting()
            }
            if let deadline = drainDeadline, connections.isEmpty || now >= deadline {
                break
            }
        }
        tearDown()
    }

    private func handle(_ ready: UInt32, token: UInt64) {
        switch token {
        case Token.listener:
            acceptConnections()
        case Token.mailbox:
            processMailbox()
        default:
            // Tokens are never reused, so an event for a connection closed earlier in this batch
            // simply finds nothing.
            guard let connection = connections[token] else { return }
            if ready & (Epoll.error | Epoll.hangUp) != 0 {
                close(connection)
                return
            }
            if ready & Epoll.readable != 0 {
                readable(connection)
            }
            if ready & Epoll.writable != 0, connection.phase != .closed {
                flush(connection)
            }
        }
    }

    /// Registers exactly the events the connection's state calls for, skipping the syscall when
    /// nothing changed.
    func updateInterest(_ connection: Connection) {
        var wanted: UInt32 = 0
        switch connection.phase {
        case .open: if !connection.readPaused { wanted |= Epoll.readable }
        case .lingering: wanted |= Epoll.readable
        case .finishing: break
        case .closed: return
        }
        if connection.wantsWrite { wanted |= Epoll.writable }
        guard wanted != connection.interest else { return }
        do {
            try epoll.control(.modify, fd: connection.fd, events: wanted, token: connection.id)
            connection.interest = wanted
        } catch {
            onError("epoll_ctl for \(connection.remoteAddress): \(error)")
            close(connection)
        }
    }

    /// Closes the descriptor exactly once (guarded by `phase`) and cancels handlers still running for it.
    /// Closing also removes the descriptor from epoll, so no `EPOLL_CTL_DEL` is needed.
    func close(_ connection: Connection) {
        guard connection.phase != .closed else { return }
        connection.phase = .closed
        connection.cancelOutstandingHandlers()
        connection.slots = []
        closeDescriptor(connection.fd)
        connections[connection.id] = nil
        if connection.countsTowardLimit {
            servingCount -= 1
            connection.countsTowardLimit = false
        }
    }

    private func tearDown() {
        for connection in Array(connections.values) {
            close(connection)
        }
        if let listener {
            closeDescriptor(listener)
            self.listener = nil
        }
        epoll.close()
        mailbox.close()
    }
}
