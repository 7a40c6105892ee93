/// The `Encoder` a value's `encode(to:)` receives from `StreamingJSONEncoder`: it owns one slot,
/// the place for exactly one value. A two-word struct: handing it over as `any Encoder` allocates
/// nothing (what it must remember, the container it opened, the sink keeps in the slot's frame).
struct StreamEncoder: Encoder {
    let sink: JSONStreamSink
    let slot: Int

    var codingPath: [any CodingKey] { sink.codingPath(to: slot) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let isMap = ObjectIdentifier(Key.self) == DictionaryKeyType.identifier
        return KeyedEncodingContainer(StreamKeyedContainer<Key>(sink: sink, id: sink.openContainer(in: slot, .object, isMap: isMap)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        StreamUnkeyedContainer(sink: sink, id: sink.openContainer(in: slot, .array))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        StreamSingleValueContainer(sink: sink, slot: slot)
    }
}

/// The key type `Dictionary` encodes its entries under (the standard library's own, not nameable
/// here), learnt once by letting a dictionary ask a probe encoder for its container.
enum DictionaryKeyType {
    static let identifier: ObjectIdentifier? = {
        let probe = Probe()
        try? ["probe": 0].encode(to: probe)
        return probe.seen.keyType
    }()

    private final class Seen { var keyType: ObjectIdentifier? }

    /// Hands out containers that cannot be written to: the dictionary's first write throws, which ends the probe.
    private struct Probe: Encoder {
        let seen = Seen()
        let sink = JSONStreamSink(sortsKeys: false)
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            seen.keyType = ObjectIdentifier(Key.self)
            return KeyedEncodingContainer(StreamKeyedContainer<Key>(sink: sink, id: JSONStreamSink.neverOpen))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer { StreamUnkeyedContainer(sink: sink, id: JSONStreamSink.neverOpen) }
        func singleValueContainer() -> any SingleValueEncodingContainer { StreamSingleValueContainer(sink: sink, slot: JSONStreamSink.neverOpen) }
    }
}
