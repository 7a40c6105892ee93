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
        /// Whole seconds from a `Retry-After` header (429 and 503 answers carry one), if present.
        var retryAfterSeconds: Int? = nil
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

    /// Parses status and Content-Length straight from the bytes: the load generator shares the
    /// machine with the platform, so every microsecond it spends is taken from what it measures.
    private func readResponse() throws -> Response {
        var headerEnd = Self.headerEnd(in: pending)
        while headerEnd == nil {
            try fill()
            headerEnd = Self.headerEnd(in: pending)
        }
        let end = headerEnd!
        guard end > 12 else { throw Failure.malformed }
        let status = pending[9..<12].reduce(0) { $0 * 10 + Int($1) - 48 }
        let length = Self.number(in: Self.contentLengthName, of: pending, upTo: end) ?? 0
        // Only refusals are searched for Retry-After: a 2xx is the hot path of every load run.
        let retryAfter = status >= 400 ? Self.number(in: Self.retryAfterName, of: pending, upTo: end) : nil
        while pending.count - end < length { try fill() }
        let body = Array(pending[end..<end + length])
        pending.removeSubrange(0..<end + length)
        return Response(status: status, body: body, retryAfterSeconds: retryAfter)
    }

    /// The index just past "\r\n\r\n", if the head is complete.
    private static func headerEnd(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        var index = 3
        while index < bytes.count {
            if bytes[index] == 10 && bytes[index - 1] == 13 && bytes[index - 2] == 10 && bytes[index - 3] == 13 { return index + 1 }
            index += 1
        }
        return nil
    }

    private static let contentLengthName = Array("content-length:".utf8)
    private static let retryAfterName = Array("retry-after:".utf8)

    /// The digits of the header `name` (lowercase, with its colon) in the head `bytes[..<end]`.
    private static func number(in name: [UInt8], of bytes: [UInt8], upTo end: Int) -> Int? {
        var lineStart = 0
        while lineStart < end {
            var lineEnd = lineStart
            while lineEnd < end && bytes[lineEnd] != 10 { lineEnd += 1 }
            if lineEnd - lineStart > name.count {
                var matches = true
                for (offset, expected) in name.enumerated() where (bytes[lineStart + offset] | 0x20) != expected {
                    matches = false
                    break
                }
                if matches {
                    var value = 0
                    for byte in bytes[(lineStart + name.count)..<lineEnd] where byte >= 48 && byte <= 57 {
                        value = value * 10 + Int(byte) - 48
                    }
                    return value
                }
            }
            lineStart = lineEnd + 1
        }
        return nil
    }
}
