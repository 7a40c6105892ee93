/// One TLS client connection over a connected socket that the caller owns and closes after
/// `close()`. Blocking, bounded by the socket's SO_RCVTIMEO/SO_SNDTIMEO.
final class TLSSession {
    private let pointer: OpaquePointer
    private var closed = false

    /// Handshakes and verifies that the certificate is trusted and names `host`.
    init(context: TLSClientContext, fd: Int32, host: String) throws(TLSError) {
        pointer = try LibSSL.connect(context: context.pointer, fd: fd, host: host,
                                     sendServerName: IPAddress(host) == nil)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(TLSError) -> Int {
        try LibSSL.read(pointer, into: buffer)
    }

    func writeAll(_ bytes: [UInt8]) throws(TLSError) {
        var offset = 0
        while offset < bytes.count {
            // withUnsafeBytes rethrows untyped errors, so the result leaves the closure as a value.
            let written = bytes.withUnsafeBytes { raw in
                Result { () throws(TLSError) in try LibSSL.write(pointer, UnsafeRawBufferPointer(rebasing: raw[offset...])) }
            }
            offset += try written.get()
        }
    }

    /// close_notify, then the session is freed; the socket stays open for its owner to close.
    func close() {
        guard !closed else { return }
        closed = true
        LibSSL.close(pointer)
    }

    deinit { if !closed { LibSSL.close(pointer) } }
}
