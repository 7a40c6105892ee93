import CLinux
import Glibc

/// Opening the listening socket and accepting from it.
enum ListeningSocket {
    /// Binds and listens; returns the descriptor and the bound port. The descriptor is closed again
    /// if any step fails, so a failed `start()` leaks nothing.
    static func open(host: String, port: Int, backlog: Int) throws(HTTPServerError) -> (fd: Int32, port: Int) {
        guard (0...65535).contains(port) else { throw .invalidConfiguration("port \(port) is out of range") }
        guard var address = SocketAddress(host: host, port: UInt16(port)) else {
            throw .invalidConfiguration("host '\(host)' is not a numeric IPv4/IPv6 address")
        }
        let fd: Int32
        do {
            fd = try syscall("socket") { cl_socket_stream(address.family) }
        } catch {
            throw HTTPServerError(error)
        }
        do {
            // Lets a restarted service bind while old connections sit in TIME_WAIT; without
            // SO_REUSEPORT a second live listener on the same port still fails with EADDRINUSE.
            var one: Int32 = 1
            _ = try syscall("setsockopt") {
                setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            }
            _ = try address.withSockAddr { pointer, length throws(SystemCallError) in
                try syscall("bind") { bind(fd, pointer, length) }
            }
            _ = try syscall("listen") { listen(fd, Int32(clamping: backlog)) }
            var bound = SocketAddress()
            _ = try bound.withMutableSockAddr { pointer, length throws(SystemCallError) in
                try syscall("getsockname") { getsockname(fd, pointer, length) }
            }
            return (fd, Int(bound.port))
        } catch {
            closeDescriptor(fd)
            throw HTTPServerError(error)
        }
    }

    /// Accepts one pending connection as non-blocking + close-on-exec. nil when none is pending.
    static func accept(from listener: Int32) throws(SystemCallError) -> (fd: Int32, address: SocketAddress)? {
        var address = SocketAddress()
        let fd = try address.withMutableSockAddr { pointer, length throws(SystemCallError) in
            try syscallUnlessWouldBlock("accept4") { cl_accept4(listener, pointer, length) }
        }
        guard let fd else { return nil }
        // Responses are written whole; Nagle would only delay the last segment of each one.
        var one: Int32 = 1
        _ = try? syscall("setsockopt") {
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        }
        return (fd, address)
    }
}
