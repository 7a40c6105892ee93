#if canImport(Glibc)
import Glibc
#endif

/// The byte stream under one client exchange: the socket itself, or a TLS session over it. The
/// HTTP request and response code above it is the same for both.
struct ClientStream {
    private let fd: Int32
    private let session: TLSSession?

    /// Plain when `tls` is nil; otherwise handshakes, verifying the certificate against `host`.
    init(fd: Int32, host: String, port: Int, tls: TLSClientContext?) throws(HTTPClient.ClientError) {
        self.fd = fd
        do {
            session = try tls.map { context throws(TLSError) in try TLSSession(context: context, fd: fd, host: host) }
        } catch {
            throw HTTPClient.ClientError(description: "https://\(host):\(port): \(error.description)")
        }
    }

    func writeAll(_ bytes: [UInt8]) throws(HTTPClient.ClientError) {
        guard let session else { return try HTTPClient.writeAll(fd, bytes) }
        do { try session.writeAll(bytes) } catch { throw HTTPClient.ClientError(description: error.description) }
    }

    /// Bytes read into `buffer`; 0 at the end of the stream.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(HTTPClient.ClientError) -> Int {
        if let session {
            do { return try session.read(into: buffer) } catch { throw HTTPClient.ClientError(description: error.description) }
        }
        while true {
            let count = recv(fd, buffer.baseAddress, buffer.count, 0)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw HTTPClient.ClientError(description: errno == EAGAIN ? "timed out waiting for the response"
                                                                     : "read failed: \(String(cString: strerror(errno)))")
        }
    }

    /// Ends TLS (close_notify); the socket's owner closes it.
    func close() { session?.close() }
}
