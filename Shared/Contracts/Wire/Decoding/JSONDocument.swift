import Glibc

/// A JSON document read once into a flat table of its values in document order, so that
/// `IndexedJSONDecoder` finds a field by walking a few table entries instead of building a
/// dictionary per object the way Foundation's `JSONDecoder` does.
///
/// The reader is stricter than JSON needs to be: anything unusual (a key with an escape or
/// non-ASCII bytes, the same key twice, nesting deeper than `maximumDepth`) is refused as
/// `Unsupported`, and `WireFormat` then decodes the bytes with Foundation instead. Refusing
/// more than Foundation is always safe; accepting more never happens.
final class JSONDocument {
    /// The reader refused the bytes, or the decoder met a case it leaves to Foundation.
    struct Unsupported: Error {
        /// Set when the JSON is valid but the reader does not take it (a field name with escapes
        /// or non-ASCII bytes, a field twice, deep nesting): what a strict decode reports.
        var notAccepted: (offset: Int, problem: String)? = nil
    }

    /// Deeper documents are left to Foundation (our messages nest fewer than 10 levels).
    static let maximumDepth = 256
    /// Objects with more members than this get a hash table on first lookup.
    static let linearLookupLimit = 24

    let bytes: UnsafeBufferPointer<UInt8>
    let nodes: [JSONNode]
    /// Set when the decoder met something it leaves to Foundation; a value decoded so far is
    /// then discarded, even if a `try?` in some `init(from:)` swallowed the refusal.
    var refused = false
    private var memberTables: [Int32: [String: Int32]] = [:]
    /// Strict decoding only (nil otherwise): per node, whether it is a member value the decoder
    /// asked for.
    private(set) var membersRead: [Bool]?
    /// Strict decoding's second pass, after a member nobody asked for: the names asked of the
    /// object holding it (present or not), for the error to list.
    var namesWanted: Int32?
    private(set) var namesAsked: [String] = []
    var tracksReads: Bool { membersRead != nil }

    /// Reads `bytes`, which must stay valid for the document's life (see `WireFormat`).
    init(bytes: UnsafeBufferPointer<UInt8>, tracksReads: Bool = false) throws(Unsupported) {
        guard bytes.count < Int(Int32.max) else { throw Unsupported() }
        var reader = JSONReader(bytes: bytes)
        self.bytes = bytes
        self.nodes = try reader.readDocument()
        if tracksReads { membersRead = Array(repeating: false, count: nodes.count) }
    }

    func kind(_ node: Int32) -> JSONNode.Kind { nodes[Int(node)].kind }

    /// Marks the decode as left to Foundation and returns the error to throw.
    func refuse() -> Unsupported {
        refused = true
        return Unsupported()
    }

    /// The value node of `object`'s member named `name`, or nil; noted as read by strict decoding.
    func read(_ name: String, in object: Int32) -> Int32? {
        let value = member(named: name, in: object)
        if membersRead != nil, let value { membersRead![Int(value)] = true }
        if object == namesWanted { namesAsked.append(name) }
        return value
    }

    /// The value node of `object`'s member named `name`, or nil.
    func member(named name: String, in object: Int32) -> Int32? {
        let count = nodes[Int(object)].count
        if count > Self.linearLookupLimit { return largeObjectMember(named: name, in: object) }
        var name = name
        return name.withUTF8 { wanted -> Int32? in
            var key = object + 1
            for _ in 0..<count {
                let node = nodes[Int(key)]
                if Int(node.end - node.start) == wanted.count,
                   wanted.isEmpty || memcmp(bytes.baseAddress! + Int(node.start), wanted.baseAddress!, wanted.count) == 0 {
                    return key + 1
                }
                key = nodes[Int(key + 1)].next
            }
            return nil
        }
    }

    /// The key nodes of `object`, in document order.
    func keys(of object: Int32) -> [Int32] {
        var keys: [Int32] = []
        keys.reserveCapacity(Int(nodes[Int(object)].count))
        var key = object + 1
        for _ in 0..<nodes[Int(object)].count {
            keys.append(key)
            key = nodes[Int(key + 1)].next
        }
        return keys
    }

    /// The text of a string node without escapes (keys never have any: the reader refuses them).
    func rawText(_ node: Int32) -> String {
        let entry = nodes[Int(node)]
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.end)]), as: UTF8.self)
    }

    private func largeObjectMember(named name: String, in object: Int32) -> Int32? {
        if let table = memberTables[object] { return table[name] }
        var table: [String: Int32] = [:]
        for key in keys(of: object) { table[rawText(key)] = key + 1 }
        memberTables[object] = table
        return table[name]
    }
}

/// One value of a `JSONDocument`. An object's members follow it as key, value, key, value...;
/// an array's elements follow it; `next` skips past everything inside.
struct JSONNode {
    enum Kind: UInt8 {
        case object, array, string, number, `true`, `false`, null
    }

    let kind: Kind
    /// Strings: an escape sequence occurs. Numbers: a fraction or an exponent occurs.
    var flag = false
    /// Strings: the first byte after the opening quote. Numbers: the first byte.
    let start: Int32
    /// Strings: the closing quote. Numbers: one past the last byte.
    var end: Int32 = 0
    /// Members of an object, elements of an array.
    var count: Int32 = 0
    /// The index of the first node after this value and everything inside it.
    var next: Int32 = 0
    /// The object or array holding this value (keys included); -1 for the root.
    let parent: Int32
}
