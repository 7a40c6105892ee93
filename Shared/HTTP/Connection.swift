/// The state of one client connection. Owned by the event-loop thread and touched nowhere else, so it
/// needs no locks (and is deliberately not `Sendable`); handler tasks refer to it only by `id`.
final class Connection {
    enum Phase: Equatable {
        /// Reading and parsing requests.
        case open
        /// No more requests will be read (close requested, protocol error, peer EOF, shutdown); the
        /// responses still owed are written, then the connection lingers or closes.
        case finishing
        /// Final response sent and write side shut down; unread input is discarded until the peer
        /// closes or `deadline` (monotonic ns) passes. Avoids a TCP reset destroying the response.
        case lingering(deadline: UInt64)
        case closed
    }

    enum ContinueState {
        case none
        /// The client sent `Expect: 100-continue` and waits; sent once earlier responses are out.
        case pending
        case sent
    }

    /// One request awaiting (or holding) its response. Slots are answered strictly in order.
    struct Slot {
        let sequence: UInt64
        let isHeadRequest: Bool
        let isHTTP10: Bool
        let keepAlive: Bool
        let startedAt: UInt64
        var response: HTTPResponse?
        var task: Task<Void, Never>?
    }

    let id: UInt64
    let fd: Int32
    let remoteAddress: String
    /// False for connections accepted beyond `maxConnections` (only answered 503) and once lingering.
    var countsTowardLimit: Bool

    var phase: Phase = .open
    var parser: RequestHeadParser
    /// A parsed head whose Content-Length body is still arriving.
    var pendingHead: RequestHead?
    /// Unconsumed input, always starting at the first byte of the request being parsed.
    var input: [UInt8] = []
    var slots: [Slot] = []
    var nextSequence: UInt64 = 0
    var output: [UInt8] = []
    var outputSent = 0
    var continueState = ContinueState.none

    /// Events currently registered with epoll.
    var interest: UInt32
    /// Stopped reading because `maxPipelinedRequests` responses are outstanding (backpressure).
    var readPaused = false
    var wantsWrite = false
    var peerClosedInput = false
    /// The last response is a rejection (protocol error, 503): linger before closing.
    var closesAfterRejection = false

    /// When the first byte of the incomplete request arrived (request timeout).
    var requestStartedAt: UInt64?
    /// Last read or completed write (idle timeout).
    var lastActivity: UInt64
    /// Last write progress while output is pending (write timeout).
    var writeStalledSince: UInt64?

    init(id: UInt64, fd: Int32, remoteAddress: String, countsTowardLimit: Bool, interest: UInt32,
         limits: RequestHeadParser.Limits, now: UInt64) {
        self.id = id
        self.fd = fd
        self.remoteAddress = remoteAddress
        self.countsTowardLimit = countsTowardLimit
        self.interest = interest
        self.parser = RequestHeadParser(limits: limits)
        self.lastActivity = now
    }

    var hasUnsentOutput: Bool { outputSent < output.count }

    /// A request has started arriving but is not complete yet.
    var hasPartialRequest: Bool { !input.isEmpty || pendingHead != nil }

    /// Nothing in progress in either direction: eligible for the idle timeout.
    var isIdle: Bool { slots.isEmpty && !hasUnsentOutput && !hasPartialRequest }

    /// Something can be written right now.
    var hasWritableWork: Bool {
        hasUnsentOutput || slots.first?.response != nil || (continueState == .pending && slots.isEmpty)
    }

    /// Index of the slot for `sequence`, if it is still outstanding.
    func slotIndex(for sequence: UInt64) -> Int? {
        guard let first = slots.first?.sequence, sequence >= first else { return nil }
        let index = Int(sequence - first)
        return index < slots.count ? index : nil
    }

    /// Stops taking requests: drops anything half-received and cancels nothing that is in flight.
    func stopAcceptingRequests() {
        if phase == .open { phase = .finishing }
        input = []
        pendingHead = nil
        continueState = .none
        readPaused = false
    }

    func cancelOutstandingHandlers() {
        for slot in slots { slot.task?.cancel() }
    }
}
