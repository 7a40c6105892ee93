import Foundation

/// Where formatted log records go. One sink per process, chosen in `main`.
public protocol LogSink: Sendable {
    func emit(_ record: LogRecord)
}

/// One log event before formatting.
public struct LogRecord: Sendable {
    public let timestamp: Date
    public let level: LogLevel
    public let label: String
    public let message: String
    public let metadata: [String: String]

    /// The record as one JSON object on one line (keys sorted so lines diff well).
    public func jsonLine() -> String {
        var object: [String: String] = metadata
        object["ts"] = LogRecord.timestampFormat.format(timestamp)
        object["level"] = level.rawValue
        object["service"] = label
        object["msg"] = message
        let data = (try? LogRecord.encoder.encode(object)) ?? Data("{\"msg\":\"unencodable log line\"}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
    private static let timestampFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}

/// JSON lines on standard error: the format log shippers and `jq` read without configuration.
public struct StandardErrorLogSink: LogSink {
    public init() {}
    public func emit(_ record: LogRecord) { StandardError.write(record.jsonLine()) }
}

/// A value-type logger: copy it, add metadata (such as a correlation id) and pass it down.
/// Messages are `@autoclosure`s so that disabled levels cost nothing to format.
public struct Logger: Sendable {
    public let label: String
    public var level: LogLevel
    public var metadata: [String: String]
    private let sink: any LogSink

    public init(label: String, level: LogLevel = .info, metadata: [String: String] = [:],
                sink: any LogSink = StandardErrorLogSink()) {
        self.label = label
        self.level = level
        self.metadata = metadata
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> String? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// A copy of this logger carrying extra metadata on every line.
    public func with(_ extra: [String: String]) -> Logger {
        var copy = self
        copy.metadata.merge(extra) { _, new in new }
        return copy
    }

    public func log(_ level: LogLevel, _ message: @autoclosure () -> String, _ extra: [String: String] = [:]) {
        guard level >= self.level else { return }
        let merged = extra.isEmpty ? metadata : metadata.merging(extra) { _, new in new }
        sink.emit(LogRecord(timestamp: Date(), level: level, label: label, message: message(), metadata: merged))
    }

    public func trace(_ message: @autoclosure () -> String, _ extra: [String: String] = [:]) { log(.trace, message(), extra) }
    public func debug(_ message: @autoclosure () -> String, _ extra: [String: String] = [:]) { log(.debug, message(), extra) }
    public func info(_ message: @autoclosure () -> String, _ extra: [String: String] = [:]) { log(.info, message(), extra) }
    public func warning(_ message: @autoclosure () -> String, _ extra: [String: String] = [:]) { log(.warning, message(), extra) }
    public func error(_ message: @autoclosure () -> String, _ extra: [String: String] = [:]) { log(.error, message(), extra) }
    public func critical(_ message: @autoclosure () -> String, _ extra: [String: String] = [:]) { log(.critical, message(), extra) }
}

/// Keeps every record in memory, for tests that assert on what was logged.
public final class RecordingLogSink: LogSink {
    private let records = Locked<[LogRecord]>([])
    public init() {}
    public func emit(_ record: LogRecord) { records.withLock { $0.append(record) } }
    public var recorded: [LogRecord] { records.withLock { $0 } }
}
