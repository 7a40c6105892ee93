import Glibc

/// A failed system call: which one and its errno.
struct SystemCallError: Error, CustomStringConvertible {
    let call: String
    let errno: Int32

    var description: String {
        "\(call)() failed: \(String(cString: strerror(errno))) (errno \(errno))"
    }

    var isConnectionGone: Bool {
        errno == ECONNRESET || errno == EPIPE || errno == ENOTCONN || errno == ETIMEDOUT
    }
}

/// Every system call of the server goes through these two wrappers (as in swift-nio): `EINTR` is
/// retried, `-1` becomes a typed error. `syscallUnlessWouldBlock` reports `EAGAIN` as nil because
/// on non-blocking sockets that is flow control, not failure.
@inline(__always)
func syscall<T: FixedWidthInteger>(_ name: StaticString, _ body: () -> T) throws(SystemCallError) -> T {
    while true {
        let result = body()
        if result != -1 { return result }
        let code = errno
        if code != EINTR { throw SystemCallError(call: "\(name)", errno: code) }
    }
}

@inline(__always)
func syscallUnlessWouldBlock<T: FixedWidthInteger>(_ name: StaticString, _ body: () -> T) throws(SystemCallError) -> T? {
    while true {
        let result = body()
        if result != -1 { return result }
        let code = errno
        if code == EAGAIN || code == EWOULDBLOCK { return nil }
        if code != EINTR { throw SystemCallError(call: "\(name)", errno: code) }
    }
}

/// `close` is the exception: on Linux the descriptor is released even when `close` reports EINTR, so
/// retrying could close a descriptor another thread just opened. Errors are ignored: nothing useful
/// can be done about them and the number is gone either way.
@inline(__always)
func closeDescriptor(_ fd: Int32) {
    _ = Glibc.close(fd)
}
