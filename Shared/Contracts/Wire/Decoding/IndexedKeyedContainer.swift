/// An object of a `JSONDocument`, read by key (see `IndexedJSONDecoder`).
struct IndexedKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let document: JSONDocument
    let object: Int32

    var codingPath: [any CodingKey] { document.codingPath(to: object) }

    var allKeys: [Key] {
        document.keys(of: object).compactMap { Key(stringValue: document.rawText($0)) }
    }

    func contains(_ key: Key) -> Bool { document.member(named: key.stringValue, in: object) != nil }

    private func value(_ key: Key) throws -> Int32 {
        guard let value = document.read(key.stringValue, in: object) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return value
    }

    /// The member's node when it is present and not null.
    private func presentValue(_ key: Key) -> Int32? {
        guard let value = document.read(key.stringValue, in: object), document.kind(value) != .null else { return nil }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { document.kind(try value(key)) == .null }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try document.bool(at: value(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try document.string(at: value(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try document.double(at: value(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw document.refuse() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try document.integer(Int.self, at: value(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try document.integer(Int8.self, at: value(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try document.integer(Int16.self, at: value(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try document.integer(Int32.self, at: value(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try document.integer(Int64.self, at: value(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try document.integer(UInt.self, at: value(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try document.integer(UInt8.self, at: value(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try document.integer(UInt16.self, at: value(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try document.integer(UInt32.self, at: value(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try document.integer(UInt64.self, at: value(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try document.decode(T.self, at: value(key)) }

    // Absent or null is nil, one lookup each (the protocol's defaults look the key up three times).
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try presentValue(key).map { try document.bool(at: $0) }
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try presentValue(key).map { try document.string(at: $0) }
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try presentValue(key).map { try document.integer(Int.self, at: $0) }
    }

    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
        try presentValue(key).map { try document.integer(Int64.self, at: $0) }
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try presentValue(key).map { try document.decode(T.self, at: $0) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type,
                                               forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try IndexedJSONDecoder(document: document, node: value(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try IndexedJSONDecoder(document: document, node: value(key)).unkeyedContainer()
    }

    /// Foundation hands out a decoder of null for a missing key; that case is left to it.
    func superDecoder(forKey key: Key) throws -> any Decoder {
        guard let value = document.read(key.stringValue, in: object) else { throw document.refuse() }
        return IndexedJSONDecoder(document: document, node: value)
    }

    func superDecoder() throws -> any Decoder {
        guard let value = document.read("super", in: object) else { throw document.refuse() }
        return IndexedJSONDecoder(document: document, node: value)
    }
}
