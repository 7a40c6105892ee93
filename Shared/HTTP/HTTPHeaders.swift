/// Header fields in the order they were received or added. Lookups are case-insensitive (RFC 9110
/// §5.1) and compare bytes directly, so no lowercased copies are made per request.
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    public typealias Element = (name: String, value: String)

    private var fields: [Element]

    public init() {
        fields = []
    }

    public init(_ fields: [(String, String)]) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// Pre-sizes storage; the parser knows the header count before building the value.
    init(capacity: Int) {
        fields = []
        fields.reserveCapacity(capacity)
    }

    public var count: Int { fields.count }
    public var isEmpty: Bool { fields.isEmpty }

    /// The first value for `name`, or nil.
    public subscript(name: String) -> String? {
        fields.first { ASCII.equalsCaseInsensitive($0.name, name) }?.value
    }

    /// Every value for `name`, in order.
    public func values(_ name: String) -> [String] {
        fields.filter { ASCII.equalsCaseInsensitive($0.name, name) }.map(\.value)
    }

    public func contains(_ name: String) -> Bool {
        fields.contains { ASCII.equalsCaseInsensitive($0.name, name) }
    }

    public mutating func add(_ name: String, _ value: String) {
        fields.append((name: name, value: value))
    }

    /// Replaces the first `name` field (dropping any others) or appends one.
    public mutating func replaceOrAdd(_ name: String, _ value: String) {
        guard let first = fields.firstIndex(where: { ASCII.equalsCaseInsensitive($0.name, name) }) else {
            add(name, value)
            return
        }
        fields[first].value = value
        var index = fields.index(after: first)
        while index < fields.endIndex {
            if ASCII.equalsCaseInsensitive(fields[index].name, name) {
                fields.remove(at: index)
            } else {
                index += 1
            }
        }
    }

    public mutating func remove(_ name: String) {
        fields.removeAll { ASCII.equalsCaseInsensitive($0.name, name) }
    }

    public func makeIterator() -> IndexingIterator<[Element]> {
        fields.makeIterator()
    }

    public var description: String {
        fields.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
    }
}
