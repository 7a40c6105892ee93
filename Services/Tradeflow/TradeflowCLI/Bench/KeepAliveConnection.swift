import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One keep-alive HTTP/1.1 connection for load generation: blocking socket, one request at a time,
/// Content-Length responses only (what the gateway sends). Reconnects after the server closes.
final class KeepAliveConnection {
    private let host: String
    private let port: Int
    private var fd: Int32 = -1
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    private var pending: [UInt8] = []

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    deinit { if fd >= 0 { close(fd) } }

    struct Response {
        let status: Int
        let body: [UInt8]
    }

    enum Failure: Error { case connect, io, malformed }

    func send(_ request: [UInt8]) throws -> Response {
        if fd < 0 { try connect() }
        do {
            try writeAll(request)
            return try readResponse()
        } catch {
            // The server may have closed an idle keep-alive connection: one fresh attempt.
            close(fd)
            fd = -1
            pending.removeAll()
            try connect()
            try writeAll(request)
            return try readResponse()
        }
    }

    private func connect() throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure.connect }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var limit = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if connected != 0 {
            close(fd)
            fd = -1
            throw Failure.connect
        }
    }

    private func writeAll(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if written <= 0 {
                if written < 0 && errno == EINTR { continue }
                throw Failure.io
            }
            offset += written
        }
    }

    private func fill() throws {
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count <= 0 {
            if count < 0 && errno == EINTR { return }
            throw Failure.io
        }
        pending.append(contentsOf: buffer[0..<count])
    }

    private func readResponse() throws -> Response {
        let separator: [UInt8] = [13, 10, 13, 10]
        var headerEnd = pending.firstRange(of: separator)
        while headerEnd == nil {
            try fill()
            headerEnd = pending.firstRange(of: separator)
        }
        let head = String(decoding: pending[..<headerEnd!.lowerBound], as: UTF8.self)
        guard let statusText = head.split(separator: " ", maxSplits: 2).dropFirst().first, let status = Int(statusText) else {
            throw Failure.malformed
        }
        var length = 0
        for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
            length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        let bodyStart = headerEnd!.upperBound
        while pending.count - bodyStart < length { try fill() }
        let body = Array(pending[bodyStart..<bodyStart + length])
        pending.removeFirst(bodyStart + length)
        return Response(status: status, body: body)
    }
}
