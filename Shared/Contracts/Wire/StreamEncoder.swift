/// The `Encoder` a value's `encode(to:)` receives from `StreamingJSONEncoder`: it owns one slot,
/// the place for exactly one value. A two-word struct: handing it over as `any Encoder` allocates
/// nothing (what it must remember, the container it opened, the sink keeps in the slot's frame).
struct StreamEncoder: Encoder {
    let sink: JSONStreamSink
    let slot: Int

    var codingPath: [any CodingKey] { sink.codingPath(to: slot) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(StreamKeyedContainer<Key>(sink: sink, id: sink.openContainer(in: slot, .object)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        StreamUnkeyedContainer(sink: sink, id: sink.openContainer(in: slot, .array))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        StreamSingleValueContainer(sink: sink, slot: slot)
    }
}
