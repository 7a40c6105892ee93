import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 client: one request per connection (`Connection: close`), Content-Length
/// bodies, a deadline on the whole exchange, plain TCP or TLS (`tls:`). Enough for health probes,
/// webhooks and tools; blocking calls run on a thread of their own, never on the cooperative pool.
public enum HTTPClient {
    public struct Response: Sendable {
        public let status: Int
        public let headers: [(name: String, value: String)]
        public let body: [UInt8]

        public func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    public struct ClientError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Sends one request. With `tls`, the exchange runs over TLS and the certificate must be
    /// trusted by the context and name `host`. With `addressPolicy`, the addresses `host` resolves
    /// to are checked and the client connects only to a permitted one: the lookup that was checked
    /// is the one used (a second lookup could answer differently: DNS rebinding). A host with no
    /// permitted address throws `OutboundAddressPolicy.Refusal`; other failures `ClientError`.
    public static func send(method: String = "GET", host: String, port: Int, path: String,
                            headers: [(String, String)] = [], body: [UInt8] = [],
                            timeout: Duration = .seconds(5), tls: TLSClientContext? = nil,
                            addressPolicy: OutboundAddressPolicy? = nil) async throws -> Response {
        let outcome: Result<Response, any Error> = await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: Result {
                    try sendBlocking(method: method, host: host, port: port, path: path, headers: headers,
                                     body: body, timeout: timeout, tls: tls, addressPolicy: addressPolicy)
                })
            }
            thread.name = "http-client"
            thread.start()
        }
        return try outcome.get()
    }

    public static func sendBlocking(method: String, host: String, port: Int, path: String,
                                    headers: [(String, String)], body: [UInt8], timeout: Duration,
                                    tls: TLSClientContext? = nil, addressPolicy: OutboundAddressPolicy? = nil) throws -> Response {
        let deadline = ContinuousClock.now + timeout
        var addresses = try resolve(host: host, port: port)
        if let addressPolicy { addresses = try addressPolicy.permitted(addresses, host: host) }
        let fd = try connect(addresses: addresses, host: host, port: port, timeout: timeout)
        defer { close(fd) }
        // The handshake and the request get only what connecting left of the exchange's time.
        setTimeouts(fd, max(deadline - ContinuousClock.now, .milliseconds(1)))
        let stream = try ClientStream(fd: fd, host: host, port: port, tls: tls)
        defer { stream.close() }
        let authority = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        var request = "\(method) \(path) HTTP/1.1\r\nHost: \(authority)\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        if !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method) { request += "Content-Length: \(body.count)\r\n" }
        request += "\r\n"
        try stream.writeAll(Array(request.utf8) + body)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            // Each read may wait only for what is left of the whole exchange's time.
            let left = deadline - ContinuousClock.now
            guard left > .zero else { throw ClientError(description: "timed out after \(timeout)") }
            setTimeouts(fd, left)
            let count = try buffer.withUnsafeMutableBytes { raw throws(ClientError) in try stream.read(into: raw) }
            if count == 0 { break }
            received.append(contentsOf: buffer[0..<count])
            if received.count > 64 * 1024 * 1024 { throw ClientError(description: "response larger than 64 MiB") }
        }
        return try parse(received, method: method)
    }

    static func parse(_ data: [UInt8], method: String = "GET") throws(ClientError) -> Response {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let headerEnd = data.firstRange(of: separator) else { throw ClientError(description: "incomplete response") }
        let head = String(decoding: data[..<headerEnd.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusParts = lines.removeFirst().split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw ClientError(description: "bad status line") }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(data[headerEnd.upperBound...])
        if let length = headers.first(where: { $0.name.lowercased() == "content-length" }).flatMap({ Int($0.value) }) {
            if length < body.count { body = Array(body.prefix(length)) }
            // A body cut short (the connection dropped, or a TLS peer closed without close_notify
            // mid-body) is an error, not a shorter answer. HEAD and 204/304 announce but carry none.
            let carriesBody = method != "HEAD" && status != 204 && status != 304 && status >= 200
            if carriesBody && length > body.count {
                throw ClientError(description: "response body ended after \(body.count) of \(length) bytes")
            }
        }
        return Response(status: status, headers: headers, body: body)
    }
}
