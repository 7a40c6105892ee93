/// An array of a `JSONDocument`, read in order (see `IndexedJSONDecoder`). As with Foundation,
/// an element that fails to decode is not consumed.
struct IndexedUnkeyedContainer: UnkeyedDecodingContainer {
    let document: JSONDocument
    let array: Int32
    /// The node of the element at `currentIndex`.
    private var element: Int32
    private(set) var currentIndex = 0

    init(document: JSONDocument, array: Int32) {
        self.document = document
        self.array = array
        element = array + 1
    }

    var codingPath: [any CodingKey] { document.codingPath(to: array) }
    var count: Int? { Int(document.nodes[Int(array)].count) }
    var isAtEnd: Bool { currentIndex >= Int(document.nodes[Int(array)].count) }

    private func current(_ type: Any.Type) throws -> Int32 {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: codingPath + [WireCodingKey(intValue: currentIndex)], debugDescription: "Unkeyed container is at end."))
        }
        return element
    }

    private mutating func advance() {
        element = document.nodes[Int(element)].next
        currentIndex += 1
    }

    /// Decodes the current element with `read` and moves past it only if that succeeded.
    private mutating func next<T>(_ type: T.Type, _ read: (JSONDocument, Int32) throws -> T) throws -> T {
        let value = try read(document, current(type))
        advance()
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard document.kind(try current(Never.self)) == .null else { return false }
        advance()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) { try $0.bool(at: $1) } }
    mutating func decode(_ type: String.Type) throws -> String { try next(type) { try $0.string(at: $1) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type) { try $0.double(at: $1) } }
    mutating func decode(_ type: Float.Type) throws -> Float { throw document.refuse() }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type) { try $0.integer(Int.self, at: $1) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type) { try $0.integer(Int8.self, at: $1) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type) { try $0.integer(Int16.self, at: $1) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type) { try $0.integer(Int32.self, at: $1) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type) { try $0.integer(Int64.self, at: $1) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type) { try $0.integer(UInt.self, at: $1) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type) { try $0.integer(UInt8.self, at: $1) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type) { try $0.integer(UInt16.self, at: $1) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type) { try $0.integer(UInt32.self, at: $1) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type) { try $0.integer(UInt64.self, at: $1) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type) { try $0.decode(T.self, at: $1) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next(KeyedDecodingContainer<NestedKey>.self) { try IndexedJSONDecoder(document: $0, node: $1).container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next((any UnkeyedDecodingContainer).self) { try IndexedJSONDecoder(document: $0, node: $1).unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder {
        try next((any Decoder).self) { IndexedJSONDecoder(document: $0, node: $1) }
    }
}
