import Foundation
import Glibc

/// A tiny blocking TCP client for the cases curl cannot produce: pipelining, malformed and hostile
/// input, half-written requests, idle sockets. Every read is bounded by SO_RCVTIMEO.
final class RawClient {
    struct Timeout: Error {}
    struct ConnectFailed: Error { let errno: Int32 }

    let fd: Int32
    private var buffer: [UInt8] = []

    init(port: Int, receiveTimeout: Double = 5) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ConnectFailed(errno: errno) }
        var timeout = timeval(tv_sec: Int(receiveTimeout), tv_usec: Int((receiveTimeout - receiveTimeout.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            Glibc.close(fd)
            throw ConnectFailed(errno: code)
        }
    }

    deinit {
        Glibc.close(fd)
    }

    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// Sends everything; returns false if the server closed the connection first (EPIPE/ECONNRESET).
    @discardableResult
    func send(_ bytes: [UInt8]) throws -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE || errno == ECONNRESET { return false }
                throw Timeout()
            }
            offset += sent
        }
        return true
    }

    func shutdownWrite() {
        Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    /// Reads one response (1xx included, as its own response). nil if the server closed first.
    func readResponse() throws -> RawResponse? {
        while true {
            if let end = headEnd() {
                let head = String(decoding: buffer[..<end], as: UTF8.self)
                var lines = head.components(separatedBy: "\r\n")
                let statusLine = lines.removeFirst()
                let parts = statusLine.split(separator: " ", maxSplits: 2)
                guard parts.count >= 2, let status = Int(parts[1]) else { throw Timeout() }
                let headers = lines.filter { !$0.isEmpty }.map { line -> (String, String) in
                    let colon = line.firstIndex(of: ":")!
                    return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
                }
                var response = RawResponse(status: status, headers: headers, body: [])
                let length = status < 200 || status == 204 ? 0 : Int(response.header("Content-Length") ?? "0") ?? 0
                while buffer.count < end + 4 + length {
                    guard try fill() else { throw Timeout() }
                }
                response.body = Array(buffer[(end + 4)..<(end + 4 + length)])
                buffer.removeFirst(end + 4 + length)
                return response
            }
            guard try fill() else { return nil }
        }
    }

    /// Reads one response, skipping interim 1xx responses.
    func readFinalResponse() throws -> RawResponse? {
        while let response = try readResponse() {
            if response.status >= 200 { return response }
        }
        return nil
    }

    /// True if the server closes the connection (EOF or reset) within the receive timeout, with no
    /// further bytes sent.
    func waitForClose() -> Bool {
        guard buffer.isEmpty else { return false }
        var byte: UInt8 = 0
        let result = recv(fd, &byte, 1, 0)
        return result == 0 || (result < 0 && (errno == ECONNRESET || errno == EPIPE))
    }

    /// True if the socket reports EOF/reset right now (non-blocking check).
    func isClosedByPeer() -> Bool {
        var byte: UInt8 = 0
        let result = recv(fd, &byte, 1, Int32(MSG_DONTWAIT))
        return result == 0 || (result < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
    }

    /// Everything until EOF, a receive timeout or `limit` has passed, for inspecting raw output.
    func readToEnd(limit: Duration = .seconds(5)) -> [UInt8] {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline, (try? fill()) == true {}
        defer { buffer = [] }
        return buffer
    }

    private func headEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4) where buffer[index] == 13 && buffer[index + 1] == 10
            && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }

    /// false on EOF or reset; throws on timeout.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let received = recv(fd, &chunk, chunk.count, 0)
            if received > 0 {
                buffer.append(contentsOf: chunk[0..<received])
                return true
            }
            if received == 0 { return false }
            if errno == EINTR { continue }
            if errno == ECONNRESET { return false }
            throw Timeout()
        }
    }
}

struct RawResponse {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The `code` of a `{"error":{...}}` body.
    var errorCode: String? {
        struct Envelope: Decodable { struct Detail: Decodable { let code: String }; let error: Detail }
        return try? JSONDecoder().decode(Envelope.self, from: Data(body)).error.code
    }
}
