import CLinux

/// Buffers for `epoll_wait`, allocated once per loop.
final class EpollEvents {
    let capacity: Int
    let events: UnsafeMutableBufferPointer<UInt32>
    let tokens: UnsafeMutableBufferPointer<UInt64>
    private let scratch: UnsafeMutableRawPointer

    init(capacity: Int) {
        self.capacity = capacity
        events = .allocate(capacity: capacity)
        tokens = .allocate(capacity: capacity)
        scratch = .allocate(byteCount: capacity * cl_epoll_event_size(), alignment: 16)
    }

    deinit {
        events.deallocate()
        tokens.deallocate()
        scratch.deallocate()
    }

    /// Waits up to `timeoutMilliseconds`; returns how many entries of `events`/`tokens` are valid.
    func wait(on epoll: Epoll, timeoutMilliseconds: Int32) throws(SystemCallError) -> Int {
        Int(try syscall("epoll_wait") {
            cl_epoll_wait(epoll.fd, scratch, events.baseAddress, tokens.baseAddress, Int32(capacity), timeoutMilliseconds)
        })
    }
}
