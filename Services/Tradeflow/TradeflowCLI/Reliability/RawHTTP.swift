import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Raw bytes to the gateway and its answer's status: what a hostile client sends is not always a
/// request a well-behaved client library could produce. Blocking; callers run it on their own threads.
enum RawHTTP {
    struct Answer {
        /// nil: the connection closed (or the deadline passed) before a status line arrived.
        let status: Int?
        let retryAfter: Bool
    }

    static func connect(host: String, port: Int, timeout: Duration) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        var limit = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Writes what the server takes: a server may answer and close before reading a whole
    /// oversized request, which is a fine outcome, so a failed write is not an error here.
    static func write(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Reads until the head of the first response is complete, the peer closes, or the deadline.
    static func readHead(_ fd: Int32) -> Answer {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while received.firstRange(of: [13, 10, 13, 10]) == nil && received.count < 256 * 1024 {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        guard let end = received.firstRange(of: [13, 10, 13, 10]) else { return Answer(status: nil, retryAfter: false) }
        let head = String(decoding: received[..<end.lowerBound], as: UTF8.self)
        let parts = head.split(separator: " ", maxSplits: 2)
        let status = parts.count >= 2 ? Int(parts[1]) : nil
        return Answer(status: status, retryAfter: head.lowercased().contains("\r\nretry-after:"))
    }

    /// One request on a fresh connection.
    static func exchange(_ bytes: [UInt8], host: String, port: Int, timeout: Duration) -> Answer {
        guard let fd = connect(host: host, port: port, timeout: timeout) else { return Answer(status: nil, retryAfter: false) }
        defer { close(fd) }
        write(fd, bytes)
        return readHead(fd)
    }
}
