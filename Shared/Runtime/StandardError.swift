#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes bytes to file descriptor 2 in full. Swift 6 rejects the `stderr` global as not
/// concurrency-safe, and a single `write` of one line keeps concurrent log lines from interleaving.
public enum StandardError {
    public static func write(_ text: String) {
        var bytes = Array(text.utf8)
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        writeAll(fd: 2, bytes)
    }

    static func writeAll(fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // nowhere left to report a failing stderr
                }
                offset += written
            }
        }
    }
}

/// Writes to standard output (for command-line tools, never for services' logs).
public enum StandardOutput {
    public static func write(_ text: String) {
        StandardError.writeAll(fd: 1, Array(text.utf8))
    }
}
