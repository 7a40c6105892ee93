import Contracts
import Foundation

/// An in-memory search index over the SKUs of a set of products, built by the gateway from its
/// catalog replica (rebuild, or build a new one, when products change; building 1,000 SKUs takes
/// a few milliseconds). Queries scan precomputed lowercase bytes in a precomputed order, so a query
/// allocates little beyond its page of hits.
public struct CatalogSearch: Sendable {
    private let entries: [SearchEntry]
    private let byName: [Int]
    private let byPriceAscending: [Int]
    private let byPriceDescending: [Int]

    public init(products: some Sequence<Product>) {
        var entries: [SearchEntry] = []
        for product in products {
            for entry in product.skus { entries.append(SearchEntry(product: product, sku: entry)) }
        }
        let byName = entries.indices.sorted { entries[$0].sortsByName(before: entries[$1]) }
        var nameRank = [Int](repeating: 0, count: entries.count)
        for (rank, index) in byName.enumerated() { nameRank[index] = rank }
        func byPrice(descending: Bool) -> [Int] {
            entries.indices.sorted { left, right in
                let a = entries[left], b = entries[right]
                if a.currency != b.currency { return a.currency < b.currency }
                if a.price != b.price { return descending ? a.price > b.price : a.price < b.price }
                return nameRank[left] < nameRank[right]
            }
        }
        self.entries = entries
        self.byName = byName
        self.byPriceAscending = byPrice(descending: false)
        self.byPriceDescending = byPrice(descending: true)
    }

    /// SKUs in the index.
    public var count: Int { entries.count }

    /// The page of SKUs matching `query` at `now`. `stock` gives available stock per SKU (nil = none);
    /// it is only asked when `inStockOnly` is set.
    public func search(_ query: SearchQuery, now: Date, stock: (SKU) -> Int64?) -> SearchResults {
        let pageSize = min(max(query.pageSize, 1), SearchQuery.maximumPageSize)
        let page = max(query.page, 1)
        let terms = (query.keyword ?? "").split(whereSeparator: \.isWhitespace).map { ByteText(String($0)) }
        let window = (page - 1) * pageSize ..< page * pageSize
        let filter = Filter(query)
        guard filter.isSatisfiable else { return SearchResults(total: 0, page: page, pageSize: pageSize, hits: []) }
        let order = switch query.sort {
        case .relevance, .name: byName
        case .priceAscending: byPriceAscending
        case .priceDescending: byPriceDescending
        }

        if query.sort == .relevance && !terms.isEmpty {
            var found: [(score: Int, index: Int)] = []
            for index in order where matches(entries[index], filter, now: now, stock: stock) {
                let score = entries[index].score(terms)
                if score > 0 { found.append((score, index)) }
            }
            // `order` is by name, so a stable sort by score keeps name order among equal scores.
            let ranked = stableSortedByScore(found)
            let hits = ranked[clamped(window, ranked.count)].map { entries[$0.index].hit(score: $0.score) }
            return SearchResults(total: ranked.count, page: page, pageSize: pageSize, hits: hits)
        }

        var total = 0
        var hits: [SearchHit] = []
        for index in order where matches(entries[index], filter, now: now, stock: stock) {
            var score = 0
            if !terms.isEmpty {
                score = entries[index].score(terms)
                if score == 0 { continue }
            }
            if window.contains(total) { hits.append(entries[index].hit(score: score)) }
            total += 1
        }
        return SearchResults(total: total, page: page, pageSize: pageSize, hits: hits)
    }

    public func search(_ query: SearchQuery, now: Date, stock: [SKU: Int64] = [:]) -> SearchResults {
        search(query, now: now) { stock[$0] }
    }

    private func matches(_ entry: SearchEntry, _ filter: Filter, now: Date, stock: (SKU) -> Int64?) -> Bool {
        if filter.statuses & entry.statusBit(at: now) == 0 { return false }
        if let supplier = filter.supplier, supplier != entry.supplier { return false }
        if !filter.categoryPrefix.isEmpty && !entry.categoryPath.starts(with: filter.categoryPrefix) { return false }
        if let currency = filter.currency {
            if currency != entry.currency || entry.price < filter.minimumPrice || entry.price > filter.maximumPrice {
                return false
            }
        }
        for (key, value) in filter.attributes where entry.attributes[key] != value { return false }
        if filter.inStockOnly && (stock(entry.sku) ?? 0) <= 0 { return false }
        return true
    }

    /// The query's filters in the form the scan reads fastest, computed once per query.
    private struct Filter {
        let statuses: UInt8
        let supplier: CompanyID?
        let categoryPrefix: [String]
        /// Set when a price bound is given; entries in another currency never match.
        let currency: String?
        let minimumPrice: Int64
        let maximumPrice: Int64
        let attributes: [(String, String)]
        let inStockOnly: Bool
        /// False when the bounds are in two currencies: nothing can match.
        let isSatisfiable: Bool

        init(_ query: SearchQuery) {
            statuses = query.statuses.reduce(0) { $0 | SearchEntry.bit(for: $1) }
            supplier = query.supplier
            categoryPrefix = query.categoryPrefix
            currency = (query.minimumPrice ?? query.maximumPrice)?.currency.code
            minimumPrice = query.minimumPrice?.minorUnits ?? .min
            maximumPrice = query.maximumPrice?.minorUnits ?? .max
            attributes = query.attributes.sorted { $0.key < $1.key }
            inStockOnly = query.inStockOnly
            isSatisfiable = query.minimumPrice == nil || query.maximumPrice == nil
                || query.minimumPrice?.currency == query.maximumPrice?.currency
        }
    }

    private func stableSortedByScore(_ matches: [(score: Int, index: Int)]) -> [(score: Int, index: Int)] {
        matches.enumerated()
            .sorted { $0.element.score != $1.element.score ? $0.element.score > $1.element.score : $0.offset < $1.offset }
            .map(\.element)
    }

    private func clamped(_ window: Range<Int>, _ count: Int) -> Range<Int> {
        min(window.lowerBound, count) ..< min(window.upperBound, count)
    }
}
