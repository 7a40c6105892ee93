import Glibc

/// What every HTTPS connection of a client shares: the trust store and protocol limits. Build one
/// at start-up (a bad CA file fails then, not at the first delivery) and reuse it; a context per
/// request would parse the CA file again each time.
public final class TLSClientContext: @unchecked Sendable {
    // @unchecked: the SSL_CTX is configured once in `init` and only read afterwards; OpenSSL
    // allows sessions to be created from one context on many threads at once.
    let pointer: OpaquePointer

    /// The system trust store plus, if given, the PEM certificates in `extraCAFile` (a private CA
    /// an ERP's certificate chains to, or a test CA).
    public init(extraCAFile: String? = nil) throws(TLSError) {
        // libssl writes to the socket with write(2), which raises SIGPIPE when the peer has gone.
        // Ignoring it process-wide turns that into an EPIPE error; the HTTP server already uses
        // MSG_NOSIGNAL, and child processes get default signal dispositions back when spawned.
        signal(SIGPIPE, SIG_IGN)
        pointer = try LibSSL.makeClientContext(extraCAFile: extraCAFile)
    }

    deinit { LibSSL.freeContext(pointer) }
}
