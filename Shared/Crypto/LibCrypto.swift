import CCrypto

/// The only code in `Crypto` besides the public entry points that touches C: scoped byte
/// pointers and OpenSSL's error queue.
enum LibCrypto {
    /// Calls `body` with a pointer to `bytes` that is never NULL (libcrypto treats a NULL buffer
    /// specially in places, even with length 0). The pointer is valid only inside `body`.
    static func withBytes<R>(_ bytes: [UInt8], _ body: (UnsafePointer<UInt8>, Int) -> R) -> R {
        bytes.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress, buffer.count > 0 {
                return body(base, buffer.count)
            }
            var placeholder: UInt8 = 0
            return withUnsafePointer(to: &placeholder) { body($0, 0) }
        }
    }

    /// A buffer of `count` bytes filled by `fill`, which returns true on success. On failure the
    /// OpenSSL error queue is drained into a `CryptoError`.
    static func output(count: Int, operation: String,
                       _ fill: (UnsafeMutablePointer<UInt8>) -> Bool) throws(CryptoError) -> [UInt8] {
        var succeeded = false
        let result = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            succeeded = fill(base)
            if succeeded {
                initialized = count
            } else {
                // Zero rather than leave uninitialized bytes that nobody will read.
                base.initialize(repeating: 0, count: count)
                initialized = count
            }
        }
        guard succeeded else { throw failure(operation) }
        return result
    }

    /// The oldest queued OpenSSL error as a `CryptoError`; clears the thread's error queue.
    static func failure(_ operation: String) -> CryptoError {
        let code = ERR_get_error()
        defer { ERR_clear_error() }
        guard code != 0 else { return .libcrypto(operation: operation, detail: "unknown error") }
        var text = [CChar](repeating: 0, count: 256)
        let detail = text.withUnsafeMutableBufferPointer { buffer -> String in
            guard let base = buffer.baseAddress else { return "error \(code)" }
            ERR_error_string_n(code, base, buffer.count)
            return String(cString: base)
        }
        return .libcrypto(operation: operation, detail: detail)
    }
}
