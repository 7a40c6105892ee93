/// An object being written: each `encode` writes `"key":value` straight to the sink.
struct StreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: JSONStreamSink
    let id: Int
    let path: CodingPathNode?

    var codingPath: [any CodingKey] { CodingPathNode.keys(path) }

    private func begin(_ key: Key) throws {
        try sink.beginMember(of: id, key: key.stringValue, codingPath: CodingPathNode.keys(path) + [key])
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
        try sink.write(value, path: CodingPathNode(parent: path, key: key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(StreamKeyedContainer<NestedKey>(
            sink: sink, id: sink.openNested(.object, { try begin(key) }), path: CodingPathNode(parent: path, key: key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        StreamUnkeyedContainer(sink: sink, id: sink.openNested(.array, { try begin(key) }),
                               path: CodingPathNode(parent: path, key: key))
    }

    mutating func superEncoder() -> any Encoder {
        StreamEncoder(sink: sink, slot: sink.openNested(.slot, {
            try sink.beginMember(of: id, key: StreamCodingKey.superKey.stringValue, codingPath: codingPath)
        }), path: CodingPathNode(parent: path, key: StreamCodingKey.superKey))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        StreamEncoder(sink: sink, slot: sink.openNested(.slot, { try begin(key) }), path: CodingPathNode(parent: path, key: key))
    }
}

/// An array being written: each `encode` writes `,value` straight to the sink.
struct StreamUnkeyedContainer: UnkeyedEncodingContainer {
    let sink: JSONStreamSink
    let id: Int
    let path: CodingPathNode?
    private(set) var count = 0

    init(sink: JSONStreamSink, id: Int, path: CodingPathNode?) {
        self.sink = sink
        self.id = id
        self.path = path
    }

    var codingPath: [any CodingKey] { CodingPathNode.keys(path) }

    private var nextKey: StreamCodingKey { StreamCodingKey(intValue: count) }

    private mutating func begin() throws {
        try sink.beginElement(of: id, codingPath: CodingPathNode.keys(path) + [nextKey])
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
        let key = nextKey
        try begin()
        try sink.write(value, path: CodingPathNode(parent: path, key: key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nestedPath = CodingPathNode(parent: path, key: nextKey)
        let id = sink.openNested(.object) { try begin() }
        return KeyedEncodingContainer(StreamKeyedContainer<NestedKey>(sink: sink, id: id, path: nestedPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nestedPath = CodingPathNode(parent: path, key: nextKey)
        let id = sink.openNested(.array) { try begin() }
        return StreamUnkeyedContainer(sink: sink, id: id, path: nestedPath)
    }

    mutating func superEncoder() -> any Encoder {
        let nestedPath = CodingPathNode(parent: path, key: nextKey)
        let slot = sink.openNested(.slot) { try begin() }
        return StreamEncoder(sink: sink, slot: slot, path: nestedPath)
    }
}

/// One value in the encoder's slot.
struct StreamSingleValueContainer: SingleValueEncodingContainer {
    let sink: JSONStreamSink
    let slot: Int
    let path: CodingPathNode?

    var codingPath: [any CodingKey] { CodingPathNode.keys(path) }

    private func begin() throws {
        try sink.fill(slot: slot, codingPath: CodingPathNode.keys(path))
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
        try sink.encodeValue(value, slot: slot, path: path)
    }
}
