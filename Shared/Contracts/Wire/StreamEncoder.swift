/// The `Encoder` a value's `encode(to:)` receives from `StreamingJSONEncoder`: it owns one slot,
/// the place for exactly one value.
final class StreamEncoder: Encoder {
    let sink: JSONStreamSink
    let slot: Int
    let path: CodingPathNode?
    /// The container this encoder opened: asked for again, it is the same one (as with `JSONEncoder`).
    private var opened: (id: Int, kind: JSONStreamSink.Kind)?

    init(sink: JSONStreamSink, slot: Int, path: CodingPathNode?) {
        self.sink = sink
        self.slot = slot
        self.path = path
    }

    var codingPath: [any CodingKey] { CodingPathNode.keys(path) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(StreamKeyedContainer<Key>(sink: sink, id: openContainer(.object), path: path))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        StreamUnkeyedContainer(sink: sink, id: openContainer(.array), path: path)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        StreamSingleValueContainer(sink: sink, slot: slot, path: path)
    }

    private func openContainer(_ kind: JSONStreamSink.Kind) -> Int {
        if let opened, opened.kind == kind, sink.isOpen(opened.id) { return opened.id }
        do {
            try sink.fill(slot: slot, codingPath: codingPath)
        } catch {
            // `container(keyedBy:)` cannot throw: the sink keeps the error and every later write throws it.
            sink.fail(error)
            return JSONStreamSink.neverOpen
        }
        let id = sink.open(kind)
        opened = (id, kind)
        return id
    }
}

/// A coding path kept as links to the parent, turned into an array only when someone asks (an
/// error, or a type reading `codingPath`): most values never need it.
final class CodingPathNode {
    let parent: CodingPathNode?
    let key: any CodingKey

    init(parent: CodingPathNode?, key: any CodingKey) {
        self.parent = parent
        self.key = key
    }

    static func keys(_ node: CodingPathNode?) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var node = node
        while let current = node {
            keys.append(current.key)
            node = current.parent
        }
        return keys.reversed()
    }
}

/// The key of an array element in a coding path, and `super` for `superEncoder()`.
struct StreamCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = "Index \(intValue)"
        self.intValue = intValue
    }

    static let superKey = StreamCodingKey(stringValue: "super")
}
