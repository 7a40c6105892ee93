import Synchronization

/// An HTTP/1.1 server: one event-loop OS thread for all socket I/O, handlers as Swift tasks.
///
/// ```swift
/// let server = HTTPServer(configuration: .init(port: 8080), responder: router)
/// let port = try server.start()
/// ...
/// await server.shutdown(deadline: 5)
/// ```
/// Call `shutdown` before dropping the last reference: the loop thread keeps running until then.
public final class HTTPServer: Sendable {
    private enum State {
        case idle
        case running(port: Int, mailbox: LoopMailbox, thread: LoopThread)
        case stopping(LoopMailbox)
        case stopped
    }

    private let configuration: HTTPServerConfiguration
    private let responder: any HTTPResponder
    private let onError: @Sendable (String) -> Void
    private let onProtocolRejection: @Sendable (HTTPStatus) -> Void
    private let state = Mutex(State.idle)

    /// - Parameters:
    ///   - onError: operational problems worth logging (accept failures, handler timeouts); never
    ///     per-request noise such as clients disconnecting.
    ///   - onProtocolRejection: every response the server produced itself instead of the responder
    ///     (400/408/413/414/431/501/505 from the parser, 503 when over `maxConnections` or a handler
    ///     timed out), for metrics. Called on the event-loop thread: keep it cheap and non-blocking.
    public init(configuration: HTTPServerConfiguration, responder: any HTTPResponder,
                onError: @escaping @Sendable (String) -> Void = { _ in },
                onProtocolRejection: @escaping @Sendable (HTTPStatus) -> Void = { _ in }) {
        self.configuration = configuration
        self.responder = responder
        self.onError = onError
        self.onProtocolRejection = onProtocolRejection
    }

    /// The bound port while the server runs (useful with `port: 0`), nil before `start` and after `shutdown`.
    public var boundPort: Int? {
        state.withLock { state in
            if case .running(let port, _, _) = state { return port }
            return nil
        }
    }

    /// Binds, listens and starts the event loop. Returns the bound port.
    /// Throws `HTTPServerError` (e.g. `.systemCall(name: "bind", errno: EADDRINUSE)`).
    @discardableResult
    public func start() throws -> Int {
        try validate(configuration)
        return try state.withLock { state throws(HTTPServerError) -> Int in
            guard case .idle = state else { throw .alreadyStarted }
            let (listener, port) = try ListeningSocket.open(
                host: configuration.host, port: configuration.port, backlog: configuration.backlog)
            var epoll: Epoll?
            var mailbox: LoopMailbox?
            do throws(SystemCallError) {
                epoll = try Epoll.create()
                mailbox = try LoopMailbox()
                try epoll!.control(.add, fd: listener, events: Epoll.readable, token: EventLoop.Token.listener)
                try epoll!.control(.add, fd: mailbox!.eventFD, events: Epoll.readable, token: EventLoop.Token.mailbox)
                let resources = EventLoop.Resources(listener: listener, epoll: epoll!, mailbox: mailbox!)
                let (configuration, responder) = (self.configuration, self.responder)
                let (onError, onProtocolRejection) = (self.onError, self.onProtocolRejection)
                let thread = try LoopThread.spawn(name: "http-loop-\(port)") {
                    EventLoop(configuration: configuration, responder: responder, resources: resources,
                              onError: onError, onProtocolRejection: onProtocolRejection).run()
                }
                state = .running(port: port, mailbox: mailbox!, thread: thread)
                return port
            } catch {
                mailbox?.close()
                epoll?.close()
                closeDescriptor(listener)
                throw HTTPServerError(error)
            }
        }
    }

    /// Stops accepting, lets in-flight requests finish for up to `seconds`, then closes every socket
    /// and joins the loop thread. Safe to call more than once, and before `start`.
    public func shutdown(deadline seconds: Double = 5) async {
        let (mailbox, thread) = state.withLock { state -> (LoopMailbox?, LoopThread?) in
            switch state {
            case .idle:
                state = .stopped
                return (nil, nil)
            case .running(_, let mailbox, let thread):
                state = .stopping(mailbox)
                return (mailbox, thread)
            case .stopping(let mailbox):
                return (mailbox, nil) // someone else joins the thread; just wait for the loop
            case .stopped:
                return (nil, nil)
            }
        }
        guard let mailbox else { return }
        let nanoseconds = UInt64(max(0, min(seconds, 86_400)) * 1_000_000_000)
        mailbox.send(.shutdown(deadline: MonotonicClock.now() + nanoseconds))
        await mailbox.waitUntilClosed()
        if let thread {
            // The loop signalled right before returning, so this waits microseconds, not seconds.
            thread.join()
            state.withLock { $0 = .stopped }
        }
    }

    private func validate(_ configuration: HTTPServerConfiguration) throws(HTTPServerError) {
        let positive: [(String, Int)] = [
            ("backlog", configuration.backlog), ("maxHeaderBytes", configuration.maxHeaderBytes),
            ("maxHeaderCount", configuration.maxHeaderCount), ("maxRequestLineBytes", configuration.maxRequestLineBytes),
            ("maxConnections", configuration.maxConnections), ("maxPipelinedRequests", configuration.maxPipelinedRequests),
        ]
        for (name, value) in positive where value <= 0 {
            throw .invalidConfiguration("\(name) must be positive, got \(value)")
        }
        guard configuration.maxBodyBytes >= 0 else {
            throw .invalidConfiguration("maxBodyBytes must not be negative")
        }
    }
}
