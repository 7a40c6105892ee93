import CSSL
import Glibc

/// The only code in `HTTP` that calls libssl: contexts, one client session per connection, the
/// error queue. Everything above works with `TLSClientContext`, `TLSSession` and `TLSError`.
/// Pointers are `OpaquePointer`s owned by those two classes, which free them in `deinit`.
enum LibSSL {
    /// A client context: TLS 1.2 or newer, peer verification against the system trust store and,
    /// if given, the CAs in `extraCAFile` (PEM).
    static func makeClientContext(extraCAFile: String?) throws(TLSError) -> OpaquePointer {
        ERR_clear_error()
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw failure("cannot create a TLS context") }
        do throws(TLSError) {
            guard tf_ssl_ctx_require_tls12(context) == 1 else { throw failure("cannot require TLS 1.2") }
            tf_ssl_ctx_ignore_unexpected_eof(context)
            SSL_CTX_set_verify(context, tf_ssl_verify_peer(), nil)
            guard SSL_CTX_set_default_verify_paths(context) == 1 else { throw failure("cannot load the system trust store") }
            if let extraCAFile, SSL_CTX_load_verify_locations(context, extraCAFile, nil) != 1 {
                throw failure("cannot load CA certificates from \(extraCAFile)")
            }
            return context
        } catch {
            SSL_CTX_free(context)
            throw error
        }
    }

    static func freeContext(_ context: OpaquePointer) { SSL_CTX_free(context) }

    /// Runs the handshake on the connected, blocking socket `fd` and verifies that the peer's
    /// certificate chains to a trusted CA and names `host` (a DNS name, or an IP literal checked
    /// against the certificate's IP addresses).
    static func connect(context: OpaquePointer, fd: Int32, host: String, sendServerName: Bool) throws(TLSError) -> OpaquePointer {
        ERR_clear_error()
        guard let ssl = SSL_new(context) else { throw failure("cannot create a TLS session") }
        do throws(TLSError) {
            guard SSL_set_fd(ssl, fd) == 1 else { throw failure("cannot attach the socket") }
            // RFC 6066: SNI carries host names only, never IP literals.
            if sendServerName, tf_ssl_set_server_name(ssl, host) != 1 { throw failure("cannot set the server name") }
            // OpenSSL 3 treats an IP literal here as an IP to match, anything else as a DNS name.
            guard SSL_set1_host(ssl, host) == 1 else { throw failure("cannot set the expected host name") }
            while true {
                let result = SSL_connect(ssl)
                if result == 1 { return ssl }
                if try retryAfterInterrupt(ssl, result, operation: "TLS handshake") { continue }
            }
        } catch {
            SSL_free(ssl)
            throw error
        }
    }

    /// Sends close_notify (best effort: the peer may be gone) and frees the session.
    static func close(_ ssl: OpaquePointer) {
        ERR_clear_error()
        _ = SSL_shutdown(ssl)
        ERR_clear_error()
        SSL_free(ssl)
    }

    /// Bytes read into `buffer`; 0 at the end of the stream.
    static func read(_ ssl: OpaquePointer, into buffer: UnsafeMutableRawBufferPointer) throws(TLSError) -> Int {
        ERR_clear_error()
        while true {
            let result = SSL_read(ssl, buffer.baseAddress, Int32(clamping: buffer.count))
            if result > 0 { return Int(result) }
            if SSL_get_error(ssl, result) == tf_ssl_error_zero_return() { return 0 }
            if try retryAfterInterrupt(ssl, result, operation: "TLS read") { continue }
        }
    }

    static func write(_ ssl: OpaquePointer, _ bytes: UnsafeRawBufferPointer) throws(TLSError) -> Int {
        ERR_clear_error()
        while true {
            let result = SSL_write(ssl, bytes.baseAddress, Int32(clamping: bytes.count))
            if result > 0 { return Int(result) }
            if try retryAfterInterrupt(ssl, result, operation: "TLS write") { continue }
        }
    }

    /// After a failed call: true if a signal interrupted it (call again), else the error to throw.
    /// The socket is blocking with SO_RCVTIMEO/SO_SNDTIMEO, so "want read/write" means the
    /// timeout expired (EAGAIN) unless errno says EINTR.
    private static func retryAfterInterrupt(_ ssl: OpaquePointer, _ result: Int32, operation: String) throws(TLSError) -> Bool {
        let code = SSL_get_error(ssl, result)
        let systemError = errno
        if code == tf_ssl_error_want_read() || code == tf_ssl_error_want_write() {
            if systemError == EINTR { return true }
            throw TLSError(description: "\(operation) timed out")
        }
        let verify = SSL_get_verify_result(ssl)
        if verify != X509_V_OK {
            ERR_clear_error()
            throw TLSError(description: "certificate verify failed: \(String(cString: X509_verify_cert_error_string(verify)))")
        }
        if code == tf_ssl_error_syscall() && ERR_peek_error() == 0 {
            if systemError == EINTR { return true }
            let reason = systemError == 0 ? "connection closed by the peer" : String(cString: strerror(systemError))
            throw TLSError(description: "\(operation) failed: \(reason)")
        }
        throw failure("\(operation) failed")
    }

    /// The oldest queued OpenSSL error as a `TLSError`; clears the thread's error queue.
    private static func failure(_ operation: String) -> TLSError {
        let code = ERR_get_error()
        defer { ERR_clear_error() }
        guard code != 0 else { return TLSError(description: "\(operation): unknown error") }
        var text = [CChar](repeating: 0, count: 256)
        let detail = text.withUnsafeMutableBufferPointer { buffer -> String in
            guard let base = buffer.baseAddress else { return "error \(code)" }
            ERR_error_string_n(code, base, buffer.count)
            return String(cString: base)
        }
        return TLSError(description: "\(operation): \(detail)")
    }
}
