import Glibc

extension EventLoop {
    /// Accepts what is pending (bounded per wake-up so one busy listener cannot starve the connections;
    /// level-triggered epoll reports the rest on the next iteration).
    func acceptConnections() {
        guard let listener, drainDeadline == nil else { return }
        for _ in 0..<256 {
            let accepted: (fd: Int32, address: SocketAddress)?
            do {
                accepted = try ListeningSocket.accept(from: listener)
            } catch {
                handleAcceptFailure(error)
                return
            }
            guard let accepted else { return }
            register(fd: accepted.fd, remoteAddress: accepted.address.description)
        }
    }

    private func register(fd: Int32, remoteAddress: String) {
        let serving = servingCount < configuration.maxConnections
        if !serving && connections.count >= configuration.maxConnections + Self.rejectionAllowance {
            closeDescriptor(fd)
            onProtocolRejection(.serviceUnavailable)
            return
        }
        let id = nextConnectionID
        nextConnectionID += 1
        let interest = serving ? Epoll.readable : 0
        do {
            try epoll.control(.add, fd: fd, events: interest, token: id)
        } catch {
            closeDescriptor(fd)
            onError("epoll_ctl for \(remoteAddress): \(error)")
            return
        }
        let connection = Connection(id: id, fd: fd, remoteAddress: remoteAddress, countsTowardLimit: serving,
                                    interest: interest, limits: limits, now: now)
        connections[id] = connection
        if serving {
            servingCount += 1
            return
        }
        // Over the limit: answer right away (without reading the request) and close.
        var busy = ProtocolError.serverBusy.response
        busy.headers.add("Retry-After", "1")
        onProtocolRejection(.serviceUnavailable)
        connection.phase = .finishing
        connection.closesAfterRejection = true
        connection.slots.append(Connection.Slot(
            sequence: 0, isHeadRequest: false, isHTTP10: false, keepAlive: false, startedAt: now, response: busy))
        connection.nextSequence = 1
        flush(connection)
    }

    /// Out of descriptors (EMFILE/ENFILE) or memory: the pending connection stays in the backlog and
    /// level-triggered epoll would report it again immediately, spinning the loop. Stop listening for
    /// 100 ms instead; closing idle connections or a raised limit lets accepting resume.
    private func handleAcceptFailure(_ error: SystemCallError) {
        switch error.errno {
        case ECONNABORTED, EPROTO, EPERM:
            return // that one connection failed; the next accept may well succeed
        case EMFILE, ENFILE, ENOBUFS, ENOMEM:
            onError("accept paused for 100 ms: \(error)")
        default:
            onError("accept failed, paused for 100 ms: \(error)")
        }
        guard let listener else { return }
        try? epoll.control(.modify, fd: listener, events: 0, token: Token.listener)
        acceptResumesAt = now + 100_000_000
    }

    func resumeAccepting() {
        acceptResumesAt = nil
        guard let listener, drainDeadline == nil else { return }
        do {
            try epoll.control(.modify, fd: listener, events: Epoll.readable, token: Token.listener)
        } catch {
            onError("could not resume accepting: \(error)")
        }
    }
}
