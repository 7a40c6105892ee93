import Contracts

/// An append-only list (a ledger's postings) that keeps its latest elements as values and packs
/// older ones in blocks of `blockSize`: a history kept for the rare reader that walks all of it (a
/// settlement statement), in a few hundred bytes per element instead of a few KB.
///
/// A pure value: `Equatable` by its elements in order, however each side keeps them; `Codable`
/// with the blocks left packed.
public struct PackedLog<Element: Packable & Equatable>: Sendable {
    /// `blockSize` elements, packed together (neighbouring elements share most of their words).
    struct Block: Packable {
        let elements: [Element]
        static var packingDictionary: [UInt8] { Element.packingDictionary }
    }

    public let blockSize: Int
    private var blocks: [Packed<Block>] = []
    private var tail: [Element] = []
    /// How many elements are held packed (a gauge for operators).
    public private(set) var packedCount = 0

    public init(blockSize: Int = 256) {
        precondition(blockSize > 0, "a block holds at least one element")
        self.blockSize = blockSize
    }

    public var count: Int { packedCount + tail.count }
    public var isEmpty: Bool { count == 0 }

    public mutating func append(_ element: Element) {
        tail.append(element)
        guard tail.count % blockSize == 0 else { return }
        // A tail that cannot be encoded (only a date outside 0000-9999 could make one) stays as
        // values, at the cost of memory only, and is tried again a block later.
        guard let packed = try? Packed(Block(elements: tail)) else { return }
        blocks.append(packed)
        packedCount += tail.count
        tail.removeAll(keepingCapacity: true)
    }
}

/// Walks every element in order, unpacking one block at a time.
extension PackedLog: Sequence {
    public struct Iterator: IteratorProtocol {
        private var blocks: IndexingIterator<[Packed<Block>]>
        private var tail: IndexingIterator<[Element]>
        private var current: IndexingIterator<[Element]> = [Element]().makeIterator()

        init(blocks: [Packed<Block>], tail: [Element]) {
            self.blocks = blocks.makeIterator()
            self.tail = tail.makeIterator()
        }

        public mutating func next() -> Element? {
            while true {
                if let element = current.next() { return element }
                guard let block = blocks.next() else { return tail.next() }
                current = block.unpackedOrStop().elements.makeIterator()
            }
        }
    }

    public func makeIterator() -> Iterator { Iterator(blocks: blocks, tail: tail) }
    public var underestimatedCount: Int { count }
}

extension PackedLog: Equatable {
    public static func == (lhs: PackedLog, rhs: PackedLog) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }
}

/// `{"blockSize", "packedCount", "blocks": [packed], "tail": [element]}`.
extension PackedLog: Codable {
    private enum CodingKeys: String, CodingKey { case blockSize, packedCount, blocks, tail }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let blockSize = try container.decode(Int.self, forKey: .blockSize)
        guard blockSize > 0 else {
            throw DecodingError.dataCorruptedError(forKey: .blockSize, in: container, debugDescription: "block size \(blockSize)")
        }
        self.init(blockSize: blockSize)
        packedCount = try container.decode(Int.self, forKey: .packedCount)
        blocks = try container.decode([Packed<Block>].self, forKey: .blocks)
        tail = try container.decode([Element].self, forKey: .tail)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(blockSize, forKey: .blockSize)
        try container.encode(packedCount, forKey: .packedCount)
        try container.encode(blocks, forKey: .blocks)
        try container.encode(tail, forKey: .tail)
    }
}
