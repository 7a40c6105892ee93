import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small SMTP client (RFC 5321) for handing one message to a relay: EHLO (HELO if the relay
/// refuses it), MAIL FROM, RCPT TO, DATA, QUIT. Plain TCP without AUTH or STARTTLS: it talks to
/// a local relay or sidecar that holds credentials and TLS. Blocking, with a timeout on every
/// read and write; call `send` from async code (it runs on a thread of its own).
public enum SMTPClient {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
        /// A 5xx answer: the relay refuses the message for good, sending it again will not help.
        public let isPermanent: Bool
    }

    /// A reply: the code and the text of every line.
    struct Reply {
        let code: Int
        let lines: [String]
        var text: String { "\(code) \(lines.joined(separator: " / "))" }
    }

    /// Longest reply line accepted (RFC 5321 allows 512; relays add a little) and lines per reply.
    static let maximumLineBytes = 4_096
    static let maximumReplyLines = 100

    /// Sends `data` (already dot-stuffed and ending in CRLF.CRLF) from `from` to `to`.
    public static func send(host: String, port: Int, helo: String, from: String, to: String, data: String,
                            timeout: Duration) async throws(Failure) {
        let outcome: Result<Void, Failure> = await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: Result {
                    try sendBlocking(host: host, port: port, helo: helo, from: from, to: to, data: data, timeout: timeout)
                }.mapError { $0 as? Failure ?? Failure(description: "\($0)", isPermanent: false) })
            }
            thread.name = "smtp-client"
            thread.start()
        }
        try outcome.get()
    }

    public static func sendBlocking(host: String, port: Int, helo: String, from: String, to: String, data: String,
                                    timeout: Duration) throws(Failure) {
        let fd: Int32
        do {
            fd = try HTTPClient.connect(host: host, port: port, timeout: timeout)
        } catch {
            throw Failure(description: "\(error)", isPermanent: false)
        }
        defer { close(fd) }
        var reader = LineReader(fd: fd, timeout: timeout)
        try expect(reader.reply(), 220, "greeting")
        try write(fd, "EHLO \(helo)\r\n")
        let ehlo = try reader.reply()
        if ehlo.code != 250 {
            // An old relay that does not speak ESMTP: plain HELO is enough for one message.
            try write(fd, "HELO \(helo)\r\n")
            try expect(reader.reply(), 250, "HELO")
        }
        try write(fd, "MAIL FROM:<\(from)>\r\n")
        try expect(reader.reply(), 250, "MAIL FROM")
        try write(fd, "RCPT TO:<\(to)>\r\n")
        let rcpt = try reader.reply()
        guard rcpt.code == 250 || rcpt.code == 251 else { throw failure("RCPT TO", rcpt) }
        try write(fd, "DATA\r\n")
        try expect(reader.reply(), 354, "DATA")
        try write(fd, data)
        try expect(reader.reply(), 250, "end of data")
        // The message is accepted; a QUIT that fails changes nothing.
        try? write(fd, "QUIT\r\n")
        _ = try? reader.reply()
    }

    private static func expect(_ reply: Reply, _ code: Int, _ step: String) throws(Failure) {
        guard reply.code == code else { throw failure(step, reply) }
    }

    private static func failure(_ step: String, _ reply: Reply) -> Failure {
        Failure(description: "SMTP \(step) answered \(reply.text)", isPermanent: (500...599).contains(reply.code))
    }

    private static func write(_ fd: Int32, _ text: String) throws(Failure) {
        do {
            try HTTPClient.writeAll(fd, Array(text.utf8))
        } catch {
            throw Failure(description: "SMTP write failed: \(error)", isPermanent: false)
        }
    }

    /// Reads CRLF-terminated lines from the socket, buffering what arrives past a line's end.
    struct LineReader {
        let fd: Int32
        let timeout: Duration
        var buffer: [UInt8] = []

        init(fd: Int32, timeout: Duration) {
            self.fd = fd
            self.timeout = timeout
        }

        /// One reply: "250-first", "250-second", "250 last" (a hyphen after the code continues it).
        mutating func reply() throws(Failure) -> Reply {
            var lines: [String] = []
            while lines.count < SMTPClient.maximumReplyLines {
                let line = try self.line()
                let bytes = Array(line.utf8)
                guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)) else {
                    throw Failure(description: "SMTP reply line is not a code: \(line.prefix(80))", isPermanent: false)
                }
                lines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
                if bytes.count == 3 || bytes[3] == UInt8(ascii: " ") { return Reply(code: code, lines: lines) }
            }
            throw Failure(description: "SMTP reply longer than \(SMTPClient.maximumReplyLines) lines", isPermanent: false)
        }

        mutating func line() throws(Failure) -> String {
            var chunk = [UInt8](repeating: 0, count: 1_024)
            while true {
                if let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    var line = Array(buffer[..<end])
                    buffer.removeSubrange(...end)
                    if line.last == UInt8(ascii: "\r") { line.removeLast() }
                    return String(decoding: line, as: UTF8.self)
                }
                guard buffer.count <= SMTPClient.maximumLineBytes else {
                    throw Failure(description: "SMTP reply line longer than \(SMTPClient.maximumLineBytes) bytes", isPermanent: false)
                }
                let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count == 0 { throw Failure(description: "SMTP relay closed the connection", isPermanent: false) }
                if count < 0 {
                    if errno == EINTR { continue }
                    let reason = errno == EAGAIN ? "timed out after \(timeout)" : String(cString: strerror(errno))
                    throw Failure(description: "SMTP read failed: \(reason)", isPermanent: false)
                }
                buffer.append(contentsOf: chunk[0..<count])
            }
        }
    }
}
