import Contracts

/// The three poison records the suite writes to an input topic, each marked with the run so the
/// suite can find exactly its own records in the topic's `.dlq`.
public struct PoisonRecords: Sendable {
    public struct Record: Sendable, Equatable {
        /// "not-json", "unknown-type" or "broken-payload".
        public let name: String
        public let key: String
        public let value: [UInt8]
    }

    public let topic: String
    public let knownType: String
    public let run: String

    public init(topic: String, knownType: String, run: String) {
        self.topic = topic
        self.knownType = knownType
        self.run = run
    }

    /// One key for every record of a run: they all land on the same partition of the `.dlq`.
    public var key: String { "reliability-\(run)" }

    public var records: [Record] {
        [
            Record(name: "not-json", key: key, value: Array("\u{1}not json {{ \(marker("not-json"))".utf8)),
            Record(name: "unknown-type", key: key, value: envelope(type: "reliability.no-such-type", payload: "{}", name: "unknown-type")),
            // The payload is a string where every message has an object: no type of any family reads it.
            Record(name: "broken-payload", key: key,
                   value: envelope(type: knownType, payload: #""\#(marker("broken-payload"))""#, name: "broken-payload")),
        ]
    }

    /// The text that identifies a record of this run in a dead letter's bytes.
    public func marker(_ name: String) -> String { "reliability-\(run)-\(topic)-\(name)" }

    private func envelope(type: String, payload: String, name: String) -> [UInt8] {
        Array(("{\"causationId\":null,\"correlationId\":\"reliability-\(run)\",\"id\":\"\(marker(name))\",\"key\":\"\(key)\","
            + "\"occurredAt\":\"2026-01-01T00:00:00.000Z\",\"payload\":\(payload),\"tenant\":\"tradeflow\","
            + "\"type\":\"\(type)\",\"version\":1}").utf8)
    }

    /// Which of the run's records a dead letter's value is, if any.
    public func match(_ value: [UInt8]) -> String? {
        let text = String(decoding: value, as: UTF8.self)
        return records.first { text.contains(marker($0.name)) }?.name
    }
}
