import CLinux
import Glibc

/// A thin owner of one epoll instance, used in level-triggered mode (see NOTES.md): the loop reads
/// at most one buffer per readiness event and can simply stop asking for EPOLLIN to apply backpressure,
/// with no risk of a lost edge leaving a connection stuck.
struct Epoll {
    enum Operation: Int32 {
        case add = 0, modify = 1, delete = 2
    }

    static let readable = cl_epollin()
    static let writable = cl_epollout()
    static let error = cl_epollerr()
    static let hangUp = cl_epollhup()

    let fd: Int32

    static func create() throws(SystemCallError) -> Epoll {
        Epoll(fd: try syscall("epoll_create1") { cl_epoll_create() })
    }

    func control(_ operation: Operation, fd target: Int32, events: UInt32, token: UInt64) throws(SystemCallError) {
        _ = try syscall("epoll_ctl") { cl_epoll_ctl(fd, operation.rawValue, target, events, token) }
    }

    func close() {
        closeDescriptor(fd)
    }
}
