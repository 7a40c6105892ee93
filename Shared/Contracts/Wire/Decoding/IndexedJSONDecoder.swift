import Foundation

/// A `Decoder` over a `JSONDocument`: the wire's fast path. Decoding reads fields straight from
/// the document's node table (no dictionary per object, no copy of the bytes into `Data`); the
/// decoder and its unkeyed and single-value containers are small structs that need no allocation.
///
/// It reads what our messages contain and refuses (`JSONDocument.Unsupported`) what Foundation
/// might read differently, so `WireFormat` can always fall back to `JSONDecoder`: the value, or
/// the error and its dead-letter reason, is then exactly Foundation's. Measured on the order saga:
/// JSONDecoder was a sixth of the CPU of the order, notification, gateway and inventory services.
struct IndexedJSONDecoder: Decoder, SingleValueDecodingContainer {
    let document: JSONDocument
    let node: Int32

    /// `type` decoded from `bytes`, or nil when the fast path cannot vouch for the result (invalid
    /// or unusual JSON, a value of the wrong shape, something it leaves to Foundation).
    static func decodeIfSupported<T: Decodable>(_ type: T.Type, from bytes: UnsafeBufferPointer<UInt8>) -> T? {
        guard let document = try? JSONDocument(bytes: bytes) else { return nil }
        guard let value = try? document.decode(T.self, at: 0), !document.refused else { return nil }
        return value
    }

    var codingPath: [any CodingKey] { document.codingPath(to: node) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard document.kind(node) == .object else { throw document.mismatch([String: Any].self, at: node) }
        return KeyedDecodingContainer(IndexedKeyedContainer<Key>(document: document, object: node))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard document.kind(node) == .array else { throw document.mismatch([Any].self, at: node) }
        return IndexedUnkeyedContainer(document: document, array: node)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // SingleValueDecodingContainer

    func decodeNil() -> Bool { document.kind(node) == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try document.bool(at: node) }
    func decode(_ type: String.Type) throws -> String { try document.string(at: node) }
    func decode(_ type: Double.Type) throws -> Double { try document.double(at: node) }
    func decode(_ type: Float.Type) throws -> Float { throw document.refuse() }
    func decode(_ type: Int.Type) throws -> Int { try document.integer(Int.self, at: node) }
    func decode(_ type: Int8.Type) throws -> Int8 { try document.integer(Int8.self, at: node) }
    func decode(_ type: Int16.Type) throws -> Int16 { try document.integer(Int16.self, at: node) }
    func decode(_ type: Int32.Type) throws -> Int32 { try document.integer(Int32.self, at: node) }
    func decode(_ type: Int64.Type) throws -> Int64 { try document.integer(Int64.self, at: node) }
    func decode(_ type: UInt.Type) throws -> UInt { try document.integer(UInt.self, at: node) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try document.integer(UInt8.self, at: node) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try document.integer(UInt16.self, at: node) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try document.integer(UInt32.self, at: node) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try document.integer(UInt64.self, at: node) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try document.decode(T.self, at: node) }
}
