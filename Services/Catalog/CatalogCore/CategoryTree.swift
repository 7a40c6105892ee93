import Contracts

/// The category tree derived from the products: every path prefix that some product uses is a
/// node, with how many products sit at or below it. Kept up to date incrementally by
/// `CatalogState.apply`, so browsing never scans the catalog.
public struct CategoryTree: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
        /// From the root, e.g. ["Beverages", "Tea"]; empty for the (virtual) root.
        public let path: [String]
        /// Products at this node or below, whatever their status.
        public internal(set) var productCount: Int
        /// Of those, the ones whose recorded status is `listed`.
        public internal(set) var listedProductCount: Int
        /// The names of the child nodes, sorted.
        public internal(set) var children: [String]

        public var name: String { path.last ?? "" }
    }

    private var nodes: [[String]: Node] = [[]: Node(path: [], productCount: 0, listedProductCount: 0, children: [])]

    public init() {}

    /// The node at `path`, or nil when no product uses it. `[]` is the root, counting every product.
    public func node(at path: [String]) -> Node? { nodes[path] }

    /// The children of `path` (the top-level categories for `[]`), sorted by name.
    public func children(of path: [String]) -> [Node] {
        (nodes[path]?.children ?? []).compactMap { nodes[path + [$0]] }
    }

    public var roots: [Node] { children(of: []) }

    /// Counts a product in at `path` (delta +1) or out of it (delta -1), at every prefix.
    mutating func count(_ path: [String], listed: Bool, delta: Int) {
        for depth in 0...path.count {
            let prefix = Array(path.prefix(depth))
            var node = nodes[prefix] ?? Node(path: prefix, productCount: 0, listedProductCount: 0, children: [])
            node.productCount += delta
            if listed { node.listedProductCount += delta }
            if depth > 0 && node.productCount <= 0 {
                nodes[prefix] = nil
                let parent = Array(prefix.dropLast())
                nodes[parent]?.children.removeAll { $0 == prefix.last }
                continue
            }
            if nodes[prefix] == nil, depth > 0 {
                let parent = Array(prefix.dropLast())
                if var parentNode = nodes[parent], let name = prefix.last {
                    let insertAt = parentNode.children.firstIndex { $0 > name } ?? parentNode.children.endIndex
                    parentNode.children.insert(name, at: insertAt)
                    nodes[parent] = parentNode
                }
            }
            nodes[prefix] = node
        }
    }
}
