/// What a strict decode adds to a missing field: a member beside it whose name is nearly the
/// same (`quantiy`, `unit_price`) is most likely the field, misspelt, and the error says so.
extension JSONDocument {
    /// The names of the members of the object at `codingPath` that are within a small edit
    /// distance of `name` (case ignored): 1 for names of up to 4 characters, 2 for longer ones.
    func nearMisses(of name: String, under codingPath: [any CodingKey]) -> [String] {
        guard let object = node(at: codingPath), kind(object) == .object else { return [] }
        let wanted = Array(name.lowercased().unicodeScalars)
        let allowed = wanted.count <= 4 ? 1 : 2
        return keys(of: object).map(rawText).filter { given in
            given != name && Self.editDistance(Array(given.lowercased().unicodeScalars), wanted, atMost: allowed) <= allowed
        }
    }

    /// The node a coding path leads to from the root, or nil when the document has none there.
    private func node(at codingPath: [any CodingKey]) -> Int32? {
        var node: Int32 = 0
        for key in codingPath {
            switch (kind(node), key.intValue) {
            case (.array, let index?):
                guard index >= 0, index < Int(nodes[Int(node)].count) else { return nil }
                var element = node + 1
                for _ in 0..<index { element = nodes[Int(element)].next }
                node = element
            case (.object, _):
                guard let value = member(named: key.stringValue, in: node) else { return nil }
                node = value
            default:
                return nil
            }
        }
        return node
    }

    /// Optimal string alignment distance (insertions, deletions, substitutions and swaps of two
    /// neighbours); more than `limit` as soon as the lengths alone say so. Field names are short.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
