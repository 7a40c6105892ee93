import Foundation

/// The platform's single JSON configuration and the entry points that turn envelopes into Kafka
/// message values and back.
///
/// - keys sorted, no whitespace: the same value always encodes to the same bytes (golden fixtures,
///   deterministic re-delivery);
/// - dates as `2026-11-22T04:00:00.000Z` (UTC, milliseconds), see `WireTimestamp`;
/// - slashes unescaped (`"a/b"`, not `"a\/b"`), non-ASCII written as UTF-8.
public enum WireFormat {
    /// Kafka's default `message.max.bytes` (1 MiB). Larger values are refused on both sides so an
    /// oversized message fails loudly at the producer instead of at the broker or a consumer.
    public static let maximumMessageBytes = 1_048_576

    /// A fresh encoder with the wire configuration, for other wire-shaped JSON (snapshots, fixtures).
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            guard let text = WireTimestamp.format(date) else {
                throw EncodingError.invalidValue(date, EncodingError.Context(
                    codingPath: encoder.codingPath, debugDescription: "date outside the years 0000-9999"))
            }
            var container = encoder.singleValueContainer()
            try container.encode(text)
        }
        return encoder
    }

    /// A fresh decoder with the wire configuration.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = WireTimestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription:
                    "expected an ISO-8601 UTC timestamp like 2026-11-22T04:00:00.000Z, got \"\(text)\"")
            }
            return date
        }
        return decoder
    }

    // Configured once and never mutated afterwards, which makes sharing them across threads safe.
    private static let encoder = makeEncoder()
    private static let decoder = makeDecoder()
    /// Writes the same bytes as `encoder` without building a tree first; `encoder` remains for what
    /// a stream cannot write (containers used out of nesting order, a key twice) and for errors.
    private static let streamingEncoder = StreamingJSONEncoder()

    /// The bytes of a Kafka message value.
    public static func encode<Message>(_ envelope: Envelope<Message>) throws(WireFormatError) -> [UInt8] {
        try encodeValue(envelope)
    }

    /// Reads an envelope of `family`; errors carry a dead-letter reason.
    public static func decode<Message>(_ bytes: [UInt8], as family: Message.Type = Message.self,
                                       maximumBytes: Int = maximumMessageBytes)
        throws(WireFormatError) -> Envelope<Message> {
        try decodeValue(Envelope<Message>.self, from: bytes, maximumBytes: maximumBytes)
    }

    /// Reads only the header of an envelope of any family; the payload must be present but is not read.
    public static func decodeHeader(_ bytes: [UInt8], maximumBytes: Int = maximumMessageBytes)
        throws(WireFormatError) -> EnvelopeHeader {
        try decodeValue(EnvelopeHeader.self, from: bytes, maximumBytes: maximumBytes)
    }

    /// Any value in the wire format (Money, snapshots); the same limits and error reasons apply.
    public static func encodeValue<Value: Encodable>(_ value: Value) throws(WireFormatError) -> [UInt8] {
        let bytes: [UInt8]
        if let streamed = try? streamingEncoder.encode(value, keys: .sorted) {
            bytes = streamed
        } else {
            do {
                bytes = Array(try encoder.encode(value))
            } catch {
                throw .unencodable(problem: describeEncodingFailure(error))
            }
        }
        if bytes.count > maximumMessageBytes {
            throw .tooLarge(bytes: bytes.count, limit: maximumMessageBytes)
        }
        return bytes
    }

    /// What a decode does with members the type does not read.
    public enum UnknownFields: Sendable {
        /// Messages: a newer producer may add fields, and older consumers read on.
        case ignored
        /// Requests typed by people and integrations: a misspelt optional field would otherwise be
        /// dropped without a word. Also refuses a field given twice and escaped field names.
        case refused
    }

    public static func decodeValue<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8],
                                                     maximumBytes: Int = maximumMessageBytes,
                                                     unknownFields: UnknownFields = .ignored)
        throws(WireFormatError) -> Value {
        if bytes.isEmpty { throw .empty }
        if bytes.count > maximumBytes { throw .tooLarge(bytes: bytes.count, limit: maximumBytes) }
        // The fast path reads what it can vouch for; Foundation decides everything else, so values
        // and dead-letter reasons are Foundation's either way. A strict decode is the fast path
        // noting what it reads: when it leaves the bytes to Foundation, the lenient one would too.
        switch unknownFields {
        case .refused:
            if let decided = bytes.withUnsafeBufferPointer({ decodeStrictly(type, from: $0) }) { return try decided.get() }
        case .ignored:
            if let value = bytes.withUnsafeBufferPointer({ IndexedJSONDecoder.decodeIfSupported(type, from: $0) }) { return value }
        }
        do {
            return try decoder.decode(type, from: Data(bytes))
        } catch {
            if unknownFields == .refused, case let DecodingError.keyNotFound(key, context) = error {
                let given = bytes.withUnsafeBufferPointer { buffer in
                    (try? JSONDocument(bytes: buffer))?.nearMisses(of: key.stringValue, under: context.codingPath) ?? []
                }
                if !given.isEmpty { throw .misspeltField(path: WireFormatError.path(context.codingPath + [key]), given: given) }
            }
            throw WireFormatError(decodingFailure: error, in: bytes)
        }
    }

    /// The strict decode on the fast path, or nil to let Foundation decide (decoding errors, which
    /// it names, and values the fast path leaves to it): unknown members are then not checked,
    /// which a body that decodes only reaches with a string whose escapes are not valid UTF-16 (a
    /// lone surrogate) or a timestamp written with escapes.
    private static func decodeStrictly<Value: Decodable>(_ type: Value.Type, from bytes: UnsafeBufferPointer<UInt8>)
        -> Result<Value, WireFormatError>? {
        let document: JSONDocument
        do {
            document = try JSONDocument(bytes: bytes, tracksReads: true)
        } catch {
            return error.notAccepted.map { .failure(.notAccepted(offset: $0.offset, problem: $0.problem)) }
        }
        guard let value = try? document.decode(Value.self, at: 0), !document.refused else { return nil }
        guard let unread = document.firstUnreadMember() else { return .success(value) }
        // Only now, for the error, once more noting the names the type asks of that object (a
        // body without mistakes pays nothing for the list).
        var known: [String] = []
        if let again = try? JSONDocument(bytes: bytes, tracksReads: true) {
            again.namesWanted = unread.object
            _ = try? again.decode(Value.self, at: 0)
            known = Array(Set(again.namesAsked)).sorted()
        }
        return .failure(.unknownField(path: WireFormatError.path(document.codingPath(to: unread.value)), known: known))
    }

    private static func describeEncodingFailure(_ error: any Error) -> String {
        guard case let EncodingError.invalidValue(_, context) = error else { return String(describing: error) }
        let path = WireFormatError.path(context.codingPath)
        return "\(context.debugDescription) at \(path)"
    }
}
