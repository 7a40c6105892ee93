/// An object being written: each `encode` writes `"key":value` straight to the sink.
struct StreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: JSONStreamSink
    let id: Int

    var codingPath: [any CodingKey] { sink.codingPath(to: id) }

    private func begin(_ key: Key) throws {
        try sink.beginMember(of: id, key: key.stringValue, codingPath: sink.codingPath(to: id) + [key])
    }

    mutating func encodeNil(forKey key: Key) throws { try begin(key); sink.writeNull() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try begin(key); sink.writeBool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { try begin(key); sink.writeString(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        try begin(key); try sink.writeFloatingPoint(value, codingPath: codingPath + [key])
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        try begin(key); try sink.writeFloatingPoint(value, codingPath: codingPath + [key])
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { try begin(key); sink.writeInteger(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try begin(key); sink.writeInteger(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try begin(key); sink.writeInteger(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try begin(key); sink.writeInteger(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try begin(key); sink.writeInteger(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try begin(key); sink.writeInteger(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try begin(key); sink.writeInteger(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try begin(key); sink.writeInteger(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try begin(key); sink.writeInteger(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try begin(key); sink.writeInteger(value) }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        try begin(key)
        try sink.write(value, at: .key(key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(StreamKeyedContainer<NestedKey>(
            sink: sink, id: sink.openNested(.object, at: .key(key)) { try begin(key) }))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        StreamUnkeyedContainer(sink: sink, id: sink.openNested(.array, at: .key(key)) { try begin(key) })
    }

    mutating func superEncoder() -> any Encoder {
        StreamEncoder(sink: sink, slot: sink.openNested(.slot, at: .key(WireCodingKey.superKey)) {
            try sink.beginMember(of: id, key: WireCodingKey.superKey.stringValue, codingPath: codingPath)
        })
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        StreamEncoder(sink: sink, slot: sink.openNested(.slot, at: .key(key)) { try begin(key) })
    }
}

/// An array being written: each `encode` writes `,value` straight to the sink.
struct StreamUnkeyedContainer: UnkeyedEncodingContainer {
    let sink: JSONStreamSink
    let id: Int
    private(set) var count = 0

    init(sink: JSONStreamSink, id: Int) {
        self.sink = sink
        self.id = id
    }

    var codingPath: [any CodingKey] { sink.codingPath(to: id) }

    private mutating func begin() throws {
        try sink.beginElement(of: id, codingPath: sink.codingPath(to: id) + [WireCodingKey(intValue: count)])
        count += 1
    }

    mutating func encodeNil() throws { try begin(); sink.writeNull() }
    mutating func encode(_ value: Bool) throws { try begin(); sink.writeBool(value) }
    mutating func encode(_ value: String) throws { try begin(); sink.writeString(value) }
    mutating func encode(_ value: Double) throws { try begin(); try sink.writeFloatingPoint(value, codingPath: codingPath) }
    mutating func encode(_ value: Float) throws { try begin(); try sink.writeFloatingPoint(value, codingPath: codingPath) }
    mutating func encode(_ value: Int) throws { try begin(); sink.writeInteger(value) }
    mutating func encode(_ value: Int8) throws { try begin(); sink.writeInteger(value) }
    mutating func encode(_ value: Int16) throws { try begin(); sink.writeInteger(value) }
    mutating func encode(_ value: Int32) throws { try begin(); sink.writeInteger(value) }
    mutating func encode(_ value: Int64) throws { try begin(); sink.writeInteger(value) }
    mutating func encode(_ value: UInt) throws { try begin(); sink.writeInteger(value) }
    mutating func encode(_ value: UInt8) throws { try begin(); sink.writeInteger(value) }
    mutating func encode(_ value: UInt16) throws { try begin(); sink.writeInteger(value) }
    mutating func encode(_ value: UInt32) throws { try begin(); sink.writeInteger(value) }
    mutating func encode(_ value: UInt64) throws { try begin(); sink.writeInteger(value) }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        let index = count
        try begin()
        try sink.write(value, at: .index(index))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let id = sink.openNested(.object, at: .index(count)) { try begin() }
        return KeyedEncodingContainer(StreamKeyedContainer<NestedKey>(sink: sink, id: id))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let id = sink.openNested(.array, at: .index(count)) { try begin() }
        return StreamUnkeyedContainer(sink: sink, id: id)
    }

    mutating func superEncoder() -> any Encoder {
        let slot = sink.openNested(.slot, at: .index(count)) { try begin() }
        return StreamEncoder(sink: sink, slot: slot)
    }
}

/// One value in the encoder's slot.
struct StreamSingleValueContainer: SingleValueEncodingContainer {
    let sink: JSONStreamSink
    let slot: Int

    var codingPath: [any CodingKey] { sink.codingPath(to: slot) }

    private func begin() throws {
        try sink.fill(slot: slot, codingPath: sink.codingPath(to: slot))
    }

    mutating func encodeNil() throws { try begin(); sink.writeNull() }
    mutating func encode(_ value: Bool) throws { try begin(); sink.writeBool(value) }
    mutating func encode(_ value: String) throws { try begin(); sink.writeString(value) }
    mutating func encode(_ value: Double) throws { try begin(); try sink.writeFloatingPoint(value, codingPath: codingPath) }
    mutating func encode(_ value: Float) throws { try begin(); try sink.writeFloatingPoint(value, codingPath: codingPath) }
    mutating func encode(_ value: Int) throws { try begin(); sink.writeInteger(value) }
    mutating func encode(_ value: Int8) throws { try begin(); sink.writeInteger(value) }
    mutating func encode(_ value: Int16) throws { try begin(); sink.writeInteger(value) }
    mutating func encode(_ value: Int32) throws { try begin(); sink.writeInteger(value) }
    mutating func encode(_ value: Int64) throws { try begin(); sink.writeInteger(value) }
    mutating func encode(_ value: UInt) throws { try begin(); sink.writeInteger(value) }
    mutating func encode(_ value: UInt8) throws { try begin(); sink.writeInteger(value) }
    mutating func encode(_ value: UInt16) throws { try begin(); sink.writeInteger(value) }
    mutating func encode(_ value: UInt32) throws { try begin(); sink.writeInteger(value) }
    mutating func encode(_ value: UInt64) throws { try begin(); sink.writeInteger(value) }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        try sink.encodeValue(value, slot: slot)
    }
}
