import Glibc

/// Reads JSON text (RFC 8259, UTF-8) into `JSONNode`s, validating as it goes. Every problem is
/// `JSONDocument.Unsupported`: the caller then asks Foundation, which names the problem.
struct JSONReader {
    typealias Failure = JSONDocument.Unsupported

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var nodes: [JSONNode] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        nodes.reserveCapacity(max(16, bytes.count / 12))
    }

    mutating func readDocument() throws(Failure) -> [JSONNode] {
        try value(parent: -1, depth: 0)
        skipWhitespace()
        guard position == bytes.count else { throw Failure() }
        return nodes
    }

    private mutating func value(parent: Int32, depth: Int) throws(Failure) {
        skipWhitespace()
        guard position < bytes.count else { throw Failure() }
        switch bytes[position] {
        case UInt8(ascii: "{"): try object(parent: parent, depth: depth + 1)
        case UInt8(ascii: "["): try array(parent: parent, depth: depth + 1)
        case UInt8(ascii: "\""): _ = try string(parent: parent)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number(parent: parent)
        case UInt8(ascii: "t"): try literal("true", .true, parent: parent)
        case UInt8(ascii: "f"): try literal("false", .false, parent: parent)
        case UInt8(ascii: "n"): try literal("null", .null, parent: parent)
        default: throw Failure()
        }
    }

    private mutating func object(parent: Int32, depth: Int) throws(Failure) {
        guard depth <= JSONDocument.maximumDepth else { throw tooDeep() }
        let index = Int32(nodes.count)
        nodes.append(JSONNode(kind: .object, start: Int32(position), parent: parent))
        position += 1
        skipWhitespace()
        var count: Int32 = 0
        var keysAscend = true
        var previousKey: Int32 = -1
        if peek(UInt8(ascii: "}")) {
            position += 1
        } else {
            while true {
                skipWhitespace()
                guard peek(UInt8(ascii: "\"")) else { throw Failure() }
                let key = Int32(nodes.count)
                // Keys are compared byte for byte: escapes and non-ASCII (where Swift's String
                // equality would also match other byte sequences) are left to Foundation.
                guard try string(parent: index) == .plainASCII else {
                    throw Failure(notAccepted: (Int(nodes[Int(key)].start) - 1,
                                                "a field name with an escape or a non-ASCII character"))
                }
                if previousKey >= 0, keysAscend, compareText(previousKey, key) >= 0 { keysAscend = false }
                previousKey = key
                skipWhitespace()
                guard peek(UInt8(ascii: ":")) else { throw Failure() }
                position += 1
                try value(parent: index, depth: depth)
                count += 1
                skipWhitespace()
                if peek(UInt8(ascii: ",")) { position += 1; continue }
                guard peek(UInt8(ascii: "}")) else { throw Failure() }
                position += 1
                break
            }
        }
        nodes[Int(index)].count = count
        nodes[Int(index)].end = Int32(position)
        nodes[Int(index)].next = Int32(nodes.count)
        // Our encoders write keys sorted, which also proves them distinct; other writers get the
        // full check, and a repeated key is left to Foundation (which keeps the first).
        if !keysAscend, let repeated = repeatedKey(object: index) {
            let name = String(decoding: bytes[Int(nodes[Int(repeated)].start)..<Int(nodes[Int(repeated)].end)], as: UTF8.self)
            throw Failure(notAccepted: (Int(nodes[Int(repeated)].start) - 1, "field \(name) given twice"))
        }
    }

    private mutating func array(parent: Int32, depth: Int) throws(Failure) {
        guard depth <= JSONDocument.maximumDepth else { throw tooDeep() }
        let index = Int32(nodes.count)
        nodes.append(JSONNode(kind: .array, start: Int32(position), parent: parent))
        position += 1
        skipWhitespace()
        var count: Int32 = 0
        if peek(UInt8(ascii: "]")) {
            position += 1
        } else {
            while true {
                try value(parent: index, depth: depth)
                count += 1
                skipWhitespace()
                if peek(UInt8(ascii: ",")) { position += 1; continue }
                guard peek(UInt8(ascii: "]")) else { throw Failure() }
                position += 1
                break
            }
        }
        nodes[Int(index)].count = count
        nodes[Int(index)].end = Int32(position)
        nodes[Int(index)].next = Int32(nodes.count)
    }

    enum StringContent { case plainASCII, other }

    /// A string node; its contents are validated (escapes, control characters, UTF-8).
    private mutating func string(parent: Int32) throws(Failure) -> StringContent {
        position += 1
        var node = JSONNode(kind: .string, start: Int32(position), parent: parent)
        var ascii = true
        while true {
            guard position < bytes.count else { throw Failure() }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw Failure() }
            if byte == UInt8(ascii: "\\") {
                node.flag = true
                try skipEscape()
            } else if byte >= 0x80 {
                ascii = false
                guard let length = JSONText.multiByteScalarLength(in: bytes, at: position) else { throw Failure() }
                position += length
            } else {
                position += 1
            }
        }
        node.end = Int32(position)
        position += 1
        node.next = Int32(nodes.count + 1)
        nodes.append(node)
        return ascii && !node.flag ? .plainASCII : .other
    }

    private mutating func skipEscape() throws(Failure) {
        position += 1
        guard position < bytes.count else { throw Failure() }
        switch bytes[position] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 1
        case UInt8(ascii: "u"):
            // Surrogate pairing is checked when the string is decoded.
            guard position + 4 < bytes.count else { throw Failure() }
            for offset in 1...4 where JSONText.hexValue(bytes[position + offset]) == nil { throw Failure() }
            position += 5
        default:
            throw Failure()
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func number(parent: Int32) throws(Failure) {
        var node = JSONNode(kind: .number, start: Int32(position), parent: parent)
        if peek(UInt8(ascii: "-")) { position += 1 }
        if peek(UInt8(ascii: "0")) {
            position += 1
        } else {
            guard digits() > 0 else { throw Failure() }
        }
        if peek(UInt8(ascii: ".")) {
            position += 1
            node.flag = true
            guard digits() > 0 else { throw Failure() }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            position += 1
            node.flag = true
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { position += 1 }
            guard digits() > 0 else { throw Failure() }
        }
        node.end = Int32(position)
        node.next = Int32(nodes.count + 1)
        nodes.append(node)
    }

    private mutating func digits() -> Int {
        let start = position
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
        return position - start
    }

    private mutating func literal(_ text: StaticString, _ kind: JSONNode.Kind, parent: Int32) throws(Failure) {
        let length = text.utf8CodeUnitCount
        guard position + length <= bytes.count,
              memcmp(bytes.baseAddress! + position, text.utf8Start, length) == 0 else { throw Failure() }
        var node = JSONNode(kind: kind, start: Int32(position), parent: parent)
        position += length
        node.end = Int32(position)
        node.next = Int32(nodes.count + 1)
        nodes.append(node)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): position += 1
            default: return
            }
        }
    }

    private func peek(_ byte: UInt8) -> Bool { position < bytes.count && bytes[position] == byte }

    /// Byte-wise order of two key nodes' texts.
    private func compareText(_ first: Int32, _ second: Int32) -> Int {
        let a = nodes[Int(first)], b = nodes[Int(second)]
        let lengthA = Int(a.end - a.start), lengthB = Int(b.end - b.start)
        let common = min(lengthA, lengthB)
        let order = common == 0 ? 0 : Int(memcmp(bytes.baseAddress! + Int(a.start), bytes.baseAddress! + Int(b.start), common))
        return order != 0 ? order : lengthA - lengthB
    }

    /// The second occurrence of the first key `object` has twice, if any.
    private func repeatedKey(object: Int32) -> Int32? {
        var texts = Set<[UInt8]>()
        var key = object + 1
        for _ in 0..<nodes[Int(object)].count {
            let node = nodes[Int(key)]
            if !texts.insert(Array(bytes[Int(node.start)..<Int(node.end)])).inserted { return key }
            key = nodes[Int(key + 1)].next
        }
        return nil
    }

    private func tooDeep() -> Failure {
        Failure(notAccepted: (position, "nested deeper than \(JSONDocument.maximumDepth) levels"))
    }
}
