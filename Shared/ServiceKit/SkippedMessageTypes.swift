import Kafka

/// The headers every record written through `ServiceContext` carries.
public enum RecordHeaders {
    /// The envelope's `type`, so readers and tools can tell what a record is without parsing it.
    public static let type = "type"
}

/// Message types a reader of an event topic passes over without parsing: the saga's bookkeeping
/// (a reservation per order line, a credit hold per order) is most of an event topic's records
/// and moves nothing in dashboards or notifications, yet decoding it was a large share of those
/// readers' CPU under load.
///
/// The decision is taken on the `type` header alone. A record without the header (written by an
/// outside tool) is decoded as before, so a broken one still reaches the dead-letter topic; event
/// topics have one writer, the owning service, which always writes the header.
public struct SkippedMessageTypes: Sendable {
    public let types: Set<String>

    public init(_ types: Set<String>) {
        self.types = types
    }

    /// True when `message`'s type header names a skipped type.
    public func skips(_ message: KafkaMessage) -> Bool {
        guard !types.isEmpty, let type = message.header(RecordHeaders.type) else { return false }
        return types.contains(type)
    }
}
