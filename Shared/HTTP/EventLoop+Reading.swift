import Glibc

extension EventLoop {
    func readable(_ connection: Connection) {
        if case .lingering = connection.phase {
            discardLingeringInput(connection)
            return
        }
        guard connection.phase == .open, !connection.readPaused else {
            updateInterest(connection) // stale EPOLLIN registration; level-triggered would keep firing
            return
        }
        let received: Int?
        do {
            received = try syscallUnlessWouldBlock("recv") {
                recv(connection.fd, readBuffer.baseAddress, readBuffer.count, 0)
            }
        } catch {
            close(connection) // ECONNRESET and friends: the client is gone
            return
        }
        guard let received else { return }
        guard received > 0 else {
            peerClosedInput(connection)
            return
        }
        connection.lastActivity = now
        if connection.requestStartedAt == nil {
            connection.requestStartedAt = now
        }
        let firstNewSequence = connection.nextSequence
        let bytes = UnsafeBufferPointer(rebasing: readBuffer[0..<received])
        if connection.input.isEmpty {
            let consumed = parseRequests(connection, bytes)
            if connection.phase == .open, consumed < received {
                connection.input.append(contentsOf: bytes[consumed...])
            }
        } else {
            connection.input.append(contentsOf: bytes)
            parseBufferedInput(connection)
        }
        afterParsing(connection, dispatched: connection.nextSequence != firstNewSequence)
        if connection.hasWritableWork {
            flush(connection)
        }
    }

    /// Parses requests out of `connection.input` (after a read, or when backpressure lifts).
    func parseBufferedInput(_ connection: Connection) {
        // Move the buffer out so parsing (which may change the connection) does not overlap an access
        // to `input`; it is uniquely referenced, so this copies nothing.
        var input = connection.input
        connection.input = []
        let consumed = input.withUnsafeBufferPointer { parseRequests(connection, $0) }
        guard connection.phase == .open else { return }
        input.removeFirst(consumed)
        if input.isEmpty && input.capacity > Self.readBufferSize {
            input = [] // do not keep a 1 MiB body's buffer around for an idle keep-alive connection
        }
        connection.input = input
    }

    /// Bookkeeping after parsing: request timer, backpressure, and dropping input of a connection that
    /// stopped taking requests.
    func afterParsing(_ connection: Connection, dispatched: Bool) {
        guard connection.phase == .open else {
            connection.input = []
            updateInterest(connection)
            return
        }
        if !connection.hasPartialRequest {
            connection.requestStartedAt = nil
        } else if dispatched {
            connection.requestStartedAt = now // the rest of this read starts the next request
        }
        if connection.slots.count >= configuration.maxPipelinedRequests {
            connection.readPaused = true
        }
        if let head = connection.pendingHead, connection.input.capacity < head.contentLength {
            connection.input.reserveCapacity(head.contentLength) // one allocation for a large body
        }
        updateInterest(connection)
    }

    /// Consumes complete requests from `bytes` (which start at a request boundary), dispatching each,
    /// until the data runs out, the pipelining limit is reached or the connection stops taking
    /// requests. Returns the bytes consumed; the rest is the start of an incomplete request.
    private func parseRequests(_ connection: Connection, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var offset = 0
        while connection.phase == .open && connection.slots.count < configuration.maxPipelinedRequests {
            let rest = UnsafeBufferPointer(rebasing: bytes[offset...])
            if let head = connection.pendingHead {
                guard rest.count >= head.contentLength else { return offset }
                let body = Array(UnsafeBufferPointer(rebasing: rest[0..<head.contentLength]))
                offset += head.contentLength
                connection.pendingHead = nil
                connection.continueState = .none
                dispatch(connection, head: head, body: body)
                continue
            }
            switch connection.parser.parse(rest) {
            case .needMore:
                return offset
            case .failure(let error):
                reject(connection, error)
                return offset
            case .head(let head, let length):
                connection.parser.reset()
                offset += length
                if head.contentLength == 0 {
                    dispatch(connection, head: head, body: [])
                } else {
                    connection.pendingHead = head
                    if head.expectsContinue && rest.count - length < head.contentLength {
                        connection.continueState = .pending
                    }
                }
            }
        }
        return offset
    }

    /// Starts the handler task for one complete request. Its response comes back via the mailbox.
    private func dispatch(_ connection: Connection, head: RequestHead, body: [UInt8]) {
        let sequence = connection.nextSequence
        connection.nextSequence += 1
        let request = HTTPRequest(method: head.method, target: head.target, version: head.version,
                                  headers: head.headers, body: body, remoteAddress: connection.remoteAddress)
        let keepAlive = head.keepAlive && drainDeadline == nil
        let (responder, mailbox, id) = (self.responder, self.mailbox, connection.id)
        let task = Task {
            let response = await responder.respond(to: request)
            mailbox.complete(LoopMailbox.Completion(connectionID: id, sequence: sequence, response: response))
        }
        connection.slots.append(Connection.Slot(
            sequence: sequence, isHeadRequest: head.method == .HEAD, isHTTP10: head.isHTTP10,
            keepAlive: keepAlive, startedAt: now, response: nil, task: task))
        if !keepAlive {
            connection.stopAcceptingRequests()
        }
    }

    /// Answers a protocol error after the responses already owed, then closes.
    func reject(_ connection: Connection, _ error: ProtocolError) {
        onProtocolRejection(error.status)
        let sequence = connection.nextSequence
        connection.nextSequence += 1
        connection.slots.append(Connection.Slot(
            sequence: sequence, isHeadRequest: false, isHTTP10: false, keepAlive: false,
            startedAt: now, response: error.response))
        connection.closesAfterRejection = true
        connection.stopAcceptingRequests()
    }

    /// The client shut down its sending side. Responses already owed are still written (a client may
    /// half-close after its last request); a partial request is dropped.
    private func peerClosedInput(_ connection: Connection) {
        connection.peerClosedInput = true
        if connection.slots.isEmpty && !connection.hasUnsentOutput {
            close(connection)
            return
        }
        connection.stopAcceptingRequests()
        updateInterest(connection)
    }

    /// Lingering close: read and drop whatever the client still sends until it closes or time runs out.
    private func discardLingeringInput(_ connection: Connection) {
        for _ in 0..<4 {
            let received: Int?
            do {
                received = try syscallUnlessWouldBlock("recv") {
                    recv(connection.fd, readBuffer.baseAddress, readBuffer.count, 0)
                }
            } catch {
                close(connection)
                return
            }
            guard let received else { return }
            if received == 0 {
                close(connection)
                return
            }
        }
    }
}
