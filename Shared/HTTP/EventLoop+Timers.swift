extension EventLoop {
    /// The coarse timer: one pass over all connections per tick instead of a timer per connection.
    func sweep() {
        let idle = configuration.idleTimeout.nanoseconds
        let request = configuration.requestTimeout.nanoseconds
        let write = configuration.writeTimeout.nanoseconds
        let handler = configuration.handlerTimeout?.nanoseconds
        // A copy, because closing removes entries from the dictionary.
        for connection in Array(connections.values) {
            switch connection.phase {
            case .closed:
                continue
            case .lingering(let deadline):
                if now >= deadline { close(connection) }
                continue
            case .open, .finishing:
                break
            }
            if let stalled = connection.writeStalledSince, now &- stalled >= write {
                close(connection) // the client stopped reading; nobody is left to tell
                continue
            }
            if let handler {
                expireHandlers(connection, after: handler)
            }
            if connection.phase == .open, !connection.readPaused, connection.hasPartialRequest,
               let started = connection.requestStartedAt, now &- started >= request {
                reject(connection, .requestTimeout)
                updateInterest(connection)
                flush(connection)
                continue
            }
            if connection.phase == .open, connection.isIdle, now &- connection.lastActivity >= idle {
                close(connection) // silently: an idle keep-alive connection is owed nothing
            }
        }
    }

    /// Answers requests whose handler overran `handlerTimeout` with 503 and cancels the handler; the
    /// connection stays usable, and the handler's late response is ignored.
    private func expireHandlers(_ connection: Connection, after timeout: UInt64) {
        var expired = false
        for index in connection.slots.indices where connection.slots[index].response == nil {
            guard now &- connection.slots[index].startedAt >= timeout else { continue }
            connection.slots[index].task?.cancel()
            connection.slots[index].task = nil
            connection.slots[index].response = ProtocolError.handlerTimeout.response
            onProtocolRejection(.serviceUnavailable)
            onError("handler for \(connection.remoteAddress) exceeded the handler timeout")
            expired = true
        }
        if expired && connection.slots.first?.response != nil {
            flush(connection)
        }
    }

    /// Graceful shutdown: stop accepting, close connections that are owed nothing, and let the others
    /// finish their outstanding responses (each closing after its last one). The run loop exits when
    /// no connection is left or at `deadline`, whichever comes first.
    func beginShutdown(deadline: UInt64) {
        drainDeadline = min(drainDeadline ?? deadline, deadline)
        if let listener {
            closeDescriptor(listener)
            self.listener = nil
        }
        for connection in Array(connections.values) {
            switch connection.phase {
            case .open:
                if connection.slots.isEmpty && !connection.hasUnsentOutput {
                    close(connection) // idle, or only half a request: nothing is owed
                } else {
                    connection.stopAcceptingRequests()
                    updateInterest(connection)
                }
            case .lingering(let lingerDeadline):
                connection.phase = .lingering(deadline: min(lingerDeadline, deadline))
            case .finishing, .closed:
                break
            }
        }
    }
}
