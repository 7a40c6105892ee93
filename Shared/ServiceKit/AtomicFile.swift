import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces a file so that a crash at any moment leaves either the old content or the new one,
/// never a torn mix: write a temporary file next to it, fsync it, rename it over the old one, then
/// fsync the directory so the rename itself survives a power loss. Blocking: call it off the
/// cooperative pool.
public enum AtomicFile {
    public struct Failure: Error, CustomStringConvertible {
        public let call: String
        public let path: String
        public let reason: String
        public var description: String { "\(call)(\(path)) failed: \(reason)" }
    }

    public static func write(_ data: Data, to path: String) throws(Failure) {
        do {
            try write(to: path) { file in try file.append(data) }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(call: "write", path: path, reason: "\(error)")
        }
    }

    /// Like `write(_:to:)`, with the content appended piece by piece by `body`, so a large file
    /// never has to be in memory whole. When `body` throws, the old file stays as it was.
    public static func write(to path: String, _ body: (inout Appender) throws -> Void) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try createDirectory(directory.isEmpty ? "." : directory)
        // Unique per process and call, so two writers never share a temporary file.
        let temporary = "\(path).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = try retrying("open", temporary) { open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        do {
            var appender = Appender(fd: fd, path: temporary)
            try body(&appender)
            _ = try retrying("fsync", temporary) { fsync(fd) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        do {
            _ = try retrying("rename", path) { rename(temporary, path) }
        } catch {
            unlink(temporary)
            throw error
        }
        try syncDirectory(directory.isEmpty ? "." : directory)
    }

    /// Appends to the temporary file of one `write(to:_:)`.
    public struct Appender {
        fileprivate let fd: Int32
        fileprivate let path: String

        public mutating func append(_ bytes: some ContiguousBytes) throws(Failure) {
            // `withUnsafeBytes` rethrows untyped errors, so the failure travels out as a value.
            let failure: Failure? = bytes.withUnsafeBytes { buffer in
                var written = 0
                while written < buffer.count {
                    do throws(Failure) {
                        written += try AtomicFile.retrying("write", path) { Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written) }
                    } catch {
                        return error
                    }
                }
                return nil
            }
            if let failure { throw failure }
        }
    }

    private static func createDirectory(_ directory: String) throws(Failure) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw Failure(call: "mkdir", path: directory, reason: "\(error)")
        }
    }

    private static func syncDirectory(_ directory: String) throws(Failure) {
        let fd = try retrying("open", directory) { open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        defer { close(fd) }
        _ = try retrying("fsync", directory) { fsync(fd) }
    }

    /// Retries a call interrupted by a signal; -1 otherwise becomes a typed error.
    fileprivate static func retrying<T: FixedWidthInteger>(_ call: String, _ path: String,
                                                       _ body: () -> T) throws(Failure) -> T {
        while true {
            let result = body()
            if result != -1 { return result }
            let code = errno
            if code != EINTR { throw Failure(call: call, path: path, reason: "\(String(cString: strerror(code))) (errno \(code))") }
        }
    }
}
