import CatalogCore
import Contracts
import Foundation
import GatewayCore
import HTTP

/// Browsing, search, product detail, categories and explained price quotes, all answered from the
/// gateway's in-memory replica of `catalog.events.v1` (reads never wait on another service).
enum CatalogRoutes {
    static func install(on api: inout ApiRouter, context: ApiContext) {
        api.add(RouteDescriptor("GET", "/v1/categories", operationId: "listCategories",
                                summary: "The category tree with product counts", tag: "catalog",
                                responses: [.init(200, "root categories with their children", .array(.ref("Category")))])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .browseCatalog)
            let tree = context.state.catalogSnapshot().state.categories
            return json(tree.roots.map { CategoryView($0, tree: tree) })
        }

        api.add(RouteDescriptor("GET", "/v1/products", operationId: "searchProducts",
                                summary: "Search listed products: keyword, category, attributes (attr.NAME=VALUE), price range, supplier, in stock",
                                tag: "catalog",
                                parameters: [.init("q", in: .query, .string, "keyword (name, description, attributes)"),
                                             .init("category", in: .query, .string, "category path, levels separated by '>'"),
                                             .init("supplier", in: .query), .init("minPrice", in: .query, .string, "decimal, e.g. 12.50"),
                                             .init("maxPrice", in: .query, .string, "decimal"), .init("currency", in: .query, .string, "default CNY"),
                                             .init("inStock", in: .query, .boolean), .init("sort", in: .query, .enumeration(SearchSort.allCases.map(\.rawValue))),
                                             .init("page", in: .query, .integer), .init("pageSize", in: .query, .integer, "1...100")],
                                responses: [.init(200, "one page of matching SKUs", .ref("ProductPage"))])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .browseCatalog)
            let query = try searchQuery(request)
            let snapshot = context.state.catalogSnapshot()
            let stock = context.state.stockLevels()
            let results = snapshot.search.search(query, now: Date(), stock: stock)
            let page = ProductPage(total: results.total, page: results.page, pageSize: results.pageSize, items: results.hits.map {
                ProductPage.Item(product: $0.product, sku: $0.sku, supplier: $0.supplier, name: $0.name, categoryPath: $0.categoryPath,
                                 basePrice: $0.basePrice, unit: $0.unit, minimumOrderQuantity: $0.minimumOrderQuantity,
                                 attributes: $0.attributes, available: stock[$0.sku])
            })
            return jsonBody(page.jsonBody)
        }

        api.add(RouteDescriptor("GET", "/v1/products/{sku}", operationId: "getProduct", summary: "A SKU with its product",
                                tag: "catalog", parameters: [.init("sku", in: .path)],
                                responses: [.init(200, "the product", .ref("ProductDetail"))])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .browseCatalog)
            let (product, sku) = try visibleSKU(request, principal, context.state.catalogSnapshot())
            return json(ProductDetail(product: ProductView(product), sku: sku, status: product.status(at: Date()).rawValue,
                                      available: context.state.onHand(sku.sku)))
        }

        api.add(RouteDescriptor("GET", "/v1/products/{sku}/price", operationId: "quotePrice",
                                summary: "The caller's unit price and total for a quantity, and which rule produced it",
                                tag: "catalog",
                                parameters: [.init("sku", in: .path), .init("quantity", in: .query, .integer, required: true),
                                             .init("shop", in: .query, .string, "a distributor's shop: quote its resale price")],
                                responses: [.init(200, "the quote", .ref("Quote"))])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .quotePrice)
            guard request.query["quantity"]?.isEmpty == false else {
                throw ApiError.invalid("quantity", "quantity is required: the price depends on it (volume tiers, minimum order)")
            }
            let quantity = try request.intQuery("quantity", default: 0, range: 1...1_000_000_000)
            let snapshot = context.state.catalogSnapshot()
            let (product, sku) = try visibleSKU(request, principal, snapshot)
            let buyer = context.buyerProfile(principal.company)
            let rules = snapshot.prices.rules(for: sku.sku, supplier: product.supplier)
            let quote: PriceQuote
            switch PriceEngine.quote(sku: sku.sku, quantity: quantity, buyer: buyer, product: product, rules: rules, now: Date()) {
            case let .success(value): quote = value
            case let .failure(error): throw ApiError(rejection: error.code, message: error.message, field: error.field)
            }
            var shopQuote: QuoteView.ShopQuote?
            if let shopName = request.query["shop"] {
                shopQuote = try resale(shop: shopName, sku: sku.sku, product: product, quote: quote, snapshot: snapshot)
            }
            return json(QuoteView(quote: quote, shop: shopQuote))
        }
    }

    /// A listed SKU, or any SKU of the caller's own products (suppliers see their drafts).
    static func visibleSKU(_ request: HTTPRequest, _ principal: Principal,
                           _ snapshot: CatalogView.Snapshot) throws -> (Product, ProductSKU) {
        let text = try request.requiredPath("sku")
        guard let sku = try? SKU(text), let found = snapshot.state.records.product(owning: sku) else {
            if let sku = try? SKU(text), let product = snapshot.state.records.product(holding: sku),
               product.status(at: Date()) == .listed || product.supplier == principal.company || principal.isPlatformOperator {
                throw discontinued(text, of: product, status: .notFound, field: "sku")
            }
            throw ApiError.notFound("SKU \(text)")
        }
        let ownsIt = found.product.supplier == principal.company || principal.isPlatformOperator
        guard ownsIt || found.product.status(at: Date()) == .listed else { throw ApiError.notFound("SKU \(text)") }
        return (found.product, found.sku)
    }

    /// The refusal of a SKU its product no longer sells (`Product.discontinuedSKUs`).
    static func discontinued(_ sku: String, of product: Product, status: HTTPStatus, field: String) -> ApiError {
        ApiError(status, "sku-discontinued", "SKU \(sku) is no longer sold: product \(product.id) discontinued it", field: field)
    }

    static func resale(shop: String, sku: SKU, product: Product, quote: PriceQuote,
                       snapshot: CatalogView.Snapshot) throws -> QuoteView.ShopQuote {
        guard let id = try? ShopID(shop), let record = snapshot.state.shops[id] else { throw ApiError.notFound("shop \(shop)") }
        guard let listing = ShopContents.listing(of: sku, in: record, product: product, now: Date()) else {
            throw ApiError(.notFound, "not-listed", "SKU \(sku) is not listed in shop \(shop)", field: "shop")
        }
        let resale = ShopPricing.resalePrice(listing: listing, product: product, supplierQuote: quote, now: Date())
        switch resale.status {
        case .available:
            return .init(distributor: record.distributor, unitPrice: resale.unitPrice, total: resale.total, status: "available", note: nil)
        case let .raisedToFloor(configured, floor):
            return .init(distributor: record.distributor, unitPrice: resale.unitPrice, total: resale.total, status: "raised-to-floor",
                         note: "the shop's price \(configured.formatted) is below the supplier's minimum resale price \(floor.formatted)")
        case let .unavailable(reason):
            return .init(distributor: record.distributor, unitPrice: nil, total: nil, status: "unavailable", note: reason)
        }
    }

    static func searchQuery(_ request: HTTPRequest) throws -> SearchQuery {
        var query = SearchQuery()
        if let keyword = request.query["q"], !keyword.isEmpty {
            guard keyword.count <= 200 else { throw ApiError.invalid("q", "q must be at most 200 characters") }
            query.keyword = keyword
        }
        if let category = request.query["category"], !category.isEmpty {
            query.categoryPrefix = category.split(separator: ">").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        for item in request.queryItems where item.name.hasPrefix("attr.") {
            query.attributes[String(item.name.dropFirst(5))] = item.value
        }
        if let supplier = request.query["supplier"], !supplier.isEmpty {
            guard let id = try? CompanyID(supplier) else { throw ApiError.invalid("supplier", "not a valid company id") }
            query.supplier = id
        }
        let currencyCode = request.query["currency"] ?? "CNY"
        guard let currency = try? Currency(currencyCode) else { throw ApiError.invalid("currency", "unknown currency \(currencyCode)") }
        for (name, assign) in [("minPrice", { (money: Money) in query.minimumPrice = money }),
                               ("maxPrice", { (money: Money) in query.maximumPrice = money })] {
            guard let text = request.query[name], !text.isEmpty else { continue }
            guard let money = try? Money(decimal: text, currency: currency) else {
                throw ApiError.invalid(name, "\(name) must be a decimal amount such as 12.50")
            }
            assign(money)
        }
        if let inStock = request.query["inStock"] {
            guard ["true", "false"].contains(inStock) else { throw ApiError.invalid("inStock", "inStock must be true or false") }
            query.inStockOnly = inStock == "true"
        }
        if let sort = request.query["sort"] {
            guard let value = SearchSort(rawValue: sort) else {
                throw ApiError.invalid("sort", "sort must be one of \(SearchSort.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            query.sort = value
        }
        query.page = Int(try request.intQuery("page", default: 1, range: 1...100_000))
        query.pageSize = Int(try request.intQuery("pageSize", default: 20, range: 1...Int64(SearchQuery.maximumPageSize)))
        return query
    }
}
