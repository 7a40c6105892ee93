import Contracts

/// What a buyer (or a supplier managing its catalog) looks for. Every filter is optional; all
/// given filters must hold. Results are SKUs (one hit per SKU), since price and stock are per SKU.
public struct SearchQuery: Sendable, Equatable {
    public static let maximumPageSize = 100

    /// Words that must all occur (case-insensitive substring, so Chinese needs no word breaks) in
    /// the name, SKU id, brand, category, attributes or description.
    public var keyword: String?
    /// Products at or below this category path; empty for all.
    public var categoryPrefix: [String]
    /// Exact attribute values; SKU attributes override product attributes of the same key.
    public var attributes: [String: String]
    /// Bounds on the base price, inclusive. SKUs in another currency than a bound never match.
    public var minimumPrice: Money?
    public var maximumPrice: Money?
    public var supplier: CompanyID?
    /// Only SKUs with available stock > 0 (stock is given to `search`).
    public var inStockOnly: Bool
    /// Product statuses to include, evaluated at the query's instant; buyers see `listed` only.
    public var statuses: Set<ProductStatus>
    public var sort: SearchSort
    /// 1-based; a page past the end is empty (the total still counts every match).
    public var page: Int
    /// Clamped to 1...100.
    public var pageSize: Int

    public init(keyword: String? = nil, categoryPrefix: [String] = [], attributes: [String: String] = [:],
                minimumPrice: Money? = nil, maximumPrice: Money? = nil, supplier: CompanyID? = nil,
                inStockOnly: Bool = false, statuses: Set<ProductStatus> = [.listed], sort: SearchSort = .relevance,
                page: Int = 1, pageSize: Int = 20) {
        self.keyword = keyword
        self.categoryPrefix = categoryPrefix
        self.attributes = attributes
        self.minimumPrice = minimumPrice
        self.maximumPrice = maximumPrice
        self.supplier = supplier
        self.inStockOnly = inStockOnly
        self.statuses = statuses
        self.sort = sort
        self.page = page
        self.pageSize = pageSize
    }
}

public enum SearchSort: String, Sendable, Equatable, CaseIterable {
    /// Best keyword match first (name beats SKU id beats brand, category, attributes, description),
    /// then by name. Without a keyword, by name.
    case relevance = "relevance"
    case name = "name"
    case priceAscending = "price-asc"
    case priceDescending = "price-desc"
}

/// One SKU found.
public struct SearchHit: Sendable, Equatable {
    public let product: ProductID
    public let sku: SKU
    public let supplier: CompanyID
    public let name: String
    public let categoryPath: [String]
    public let basePrice: Money
    public let unit: String
    public let minimumOrderQuantity: Int64
    public let attributes: [String: String]
    /// Keyword relevance (0 without a keyword).
    public let score: Int
}

public struct SearchResults: Sendable, Equatable {
    /// Every match, not only this page.
    public let total: Int
    public let page: Int
    public let pageSize: Int
    public let hits: [SearchHit]
}
