import CLinux
import Glibc

extension EventLoop {
    /// Takes finished responses (and commands) posted by other threads. A connection is flushed only
    /// when its oldest outstanding response became ready; later ones wait for their turn.
    func processMailbox() {
        mailbox.drain(completions: &completions, commands: &commands)
        for completion in completions {
            guard let connection = connections[completion.connectionID],
                  let index = connection.slotIndex(for: completion.sequence),
                  connection.slots[index].response == nil else {
                continue // connection closed, or the request already timed out
            }
            connection.slots[index].response = completion.response
            connection.slots[index].task = nil
            if index == 0 {
                readyConnections.append(connection)
            }
        }
        completions.removeAll(keepingCapacity: true)
        for connection in readyConnections where connection.phase != .closed {
            flush(connection)
        }
        readyConnections.removeAll(keepingCapacity: true)
        for command in commands {
            switch command {
            case .shutdown(let deadline):
                beginShutdown(deadline: deadline)
            }
        }
        commands.removeAll(keepingCapacity: true)
    }

    /// Serializes the responses that are ready in order, writes as much as the socket takes, and then
    /// moves the connection on: close/linger when finishing, resume parsing when backpressure lifts.
    func flush(_ connection: Connection) {
        while connection.phase != .closed {
            serializeReadyResponses(connection)
            guard writeOutput(connection) else { return }
            if connection.phase == .finishing && connection.slots.isEmpty {
                finishClosing(connection)
                return
            }
            guard connection.phase == .open, connection.readPaused,
                  connection.slots.count < configuration.maxPipelinedRequests else { return }
            // Backpressure lifted: parse what is already buffered before asking the kernel for more.
            connection.readPaused = false
            let firstNewSequence = connection.nextSequence
            parseBufferedInput(connection)
            afterParsing(connection, dispatched: connection.nextSequence != firstNewSequence)
            guard connection.hasWritableWork else { return }
        }
    }

    private func serializeReadyResponses(_ connection: Connection) {
        while let first = connection.slots.first, let response = first.response {
            connection.slots.removeFirst()
            let close = !first.keepAlive || ResponseSerializer.requestsClose(response)
                || (connection.phase != .open && connection.slots.isEmpty)
            let framing = ResponseSerializer.Framing(
                isHeadRequest: first.isHeadRequest, close: close, announceKeepAlive: first.isHTTP10 && !close)
            if connection.output.capacity == 0 {
                connection.output.reserveCapacity(min(64 * 1024, 512 + response.body.count))
            }
            ResponseSerializer.write(response, framing: framing, date: dateCache.headerLine, into: &connection.output)
            if close {
                // Whatever was pipelined after this response will never be answered.
                connection.cancelOutstandingHandlers()
                connection.slots = []
                connection.stopAcceptingRequests()
                updateInterest(connection)
                break
            }
        }
        if connection.continueState == .pending && connection.slots.isEmpty && connection.phase == .open {
            connection.output.append(contentsOf: ResponseSerializer.continueResponse)
            connection.continueState = .sent
        }
    }

    /// Sends pending output. Returns true when everything was written; false when the socket is full
    /// (EPOLLOUT is then requested) or the connection had to be closed.
    private func writeOutput(_ connection: Connection) -> Bool {
        while connection.hasUnsentOutput {
            let sent: Int?
            let offset = connection.outputSent
            do {
                sent = try connection.output.withUnsafeBytes { raw throws(SystemCallError) in
                    try syscallUnlessWouldBlock("send") {
                        // MSG_NOSIGNAL: a peer that vanished yields EPIPE here instead of killing the process.
                        send(connection.fd, raw.baseAddress! + offset, raw.count - offset, cl_msg_nosignal())
                    }
                }
            } catch {
                close(connection)
                return false
            }
            guard let sent else {
                if connection.writeStalledSince == nil {
                    connection.writeStalledSince = now
                }
                if !connection.wantsWrite {
                    connection.wantsWrite = true
                    updateInterest(connection)
                }
                return false
            }
            connection.outputSent += sent
            connection.writeStalledSince = now
        }
        connection.output.removeAll(keepingCapacity: connection.output.capacity <= 64 * 1024)
        connection.outputSent = 0
        connection.writeStalledSince = nil
        connection.lastActivity = now
        if connection.wantsWrite {
            connection.wantsWrite = false
            updateInterest(connection)
        }
        return connection.phase != .closed
    }

    /// Everything owed is written. Closing a socket with unread input makes the kernel send a reset,
    /// which can destroy the response before the client reads it. So after a rejection (the client may
    /// still be sending a refused body) or when input is waiting, half-close and linger; otherwise a
    /// plain close sends a clean FIN right away.
    private func finishClosing(_ connection: Connection) {
        if connection.peerClosedInput || (!connection.closesAfterRejection && !hasUnreadInput(connection)) {
            close(connection)
            return
        }
        if connection.countsTowardLimit {
            connection.countsTowardLimit = false
            servingCount -= 1
        }
        guard (try? syscall("shutdown", { shutdown(connection.fd, Int32(SHUT_WR)) })) != nil else {
            close(connection)
            return
        }
        var deadline = now &+ configuration.lingerTimeout.nanoseconds
        if let drainDeadline {
            deadline = min(deadline, drainDeadline)
        }
        connection.phase = .lingering(deadline: deadline)
        connection.input = []
        updateInterest(connection)
    }

    private func hasUnreadInput(_ connection: Connection) -> Bool {
        var byte: UInt8 = 0
        // EAGAIN (nothing buffered), EOF and errors all mean there is nothing a close could discard.
        let peeked = try? syscallUnlessWouldBlock("recv") { recv(connection.fd, &byte, 1, Int32(MSG_PEEK)) }
        return (peeked ?? 0) > 0
    }
}
