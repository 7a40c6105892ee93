import CRdKafka
import Runtime

/// The Swift object a librdkafka client's opaque pointer refers to, so C callbacks (logs, errors,
/// rebalances) reach the right client without any global registry. It must outlive the handle:
/// the owning client keeps it and destroys the handle before releasing it.
class ClientContext: @unchecked Sendable {
    // @unchecked: immutable after init; subclasses guard their mutable state with locks.
    let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// Installs the log and error callbacks and sets this object as the conf's opaque.
    func install(on conf: OpaquePointer) {
        rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(self).toOpaque())
        // Log lines arrive from librdkafka's own threads; the Logger is thread-safe.
        rd_kafka_conf_set(conf, "log.queue", "false", nil, 0)
        rd_kafka_conf_set_log_cb(conf) { handle, level, facility, text in
            guard let context = ClientContext.from(handle) else { return }
            let logLevel: LogLevel = level <= 3 ? .error : level <= 4 ? .warning : level <= 6 ? .info : .debug
            context.logger.log(logLevel, String(cString: text!), ["facility": String(cString: facility!)])
        }
        rd_kafka_conf_set_error_cb(conf) { handle, code, reason, _ in
            guard let context = ClientContext.from(handle) else { return }
            context.logger.warning("kafka client error", ["code": "\(code)", "reason": String(cString: reason!)])
        }
    }

    static func from(_ handle: OpaquePointer?) -> ClientContext? {
        guard let handle, let opaque = rd_kafka_opaque(handle) else { return nil }
        return Unmanaged<ClientContext>.fromOpaque(opaque).takeUnretainedValue()
    }
}

/// A librdkafka handle shared between the polling thread and callers. librdkafka's client API is
/// thread-safe; the owner guarantees that the handle is destroyed only after every user stopped.
struct RDKafkaHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}
