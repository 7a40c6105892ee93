import CatalogCore
import Contracts
import Foundation
import GatewayCore
import HTTP

/// Supplier and distributor edits. The gateway checks who may act (role and ownership), then the
/// catalog service decides (validation, limits, revisions) and answers on this instance's reply
/// partition; the answer becomes the HTTP response.
enum CatalogCommandRoutes {
    struct ProductRequest: Decodable {
        let id: ProductID
        let supplier: CompanyID?
        let name: String
        let description: String?
        let brand: String?
        let categoryPath: [String]
        let attributes: [String: String]?
        let media: [MediaReference]?
        let skus: [ProductSKU]
        let expectedRevision: Int?
    }
    struct StatusRequest: Decodable { let status: ProductStatus; let scheduledAt: Date? }
    struct PriceListRequest: Decodable {
        let id: PriceListID
        let owner: CompanyID?
        let name: String
        let currency: Currency
        let rules: [PriceRule]
        let expectedRevision: Int?
    }
    struct ListingRequest: Decodable {
        let supplier: CompanyID
        let skus: [SKU]?
        let category: [String]?
        let pricing: ListingPricing
        let shopName: String?
    }
    struct UnlistRequest: Decodable {
        let skus: [SKU]?
        let supplier: CompanyID?
        let category: [String]?
    }
    struct Accepted: Encodable { let key: String; let revision: Int }

    static func install(on api: inout ApiRouter, context: ApiContext) {
        let accepted = RouteDescriptor.Response(200, "accepted: the record's key and new revision", .ref("Accepted"))

        api.add(RouteDescriptor("POST", "/v1/products", operationId: "upsertProduct",
                                summary: "Create or replace a product with its SKUs (supplier catalog manager)", tag: "catalog",
                                requestBody: .ref("ProductRequest"), responses: [accepted])) { request in
            let principal = try context.principal(request)
            let body = try request.body(ProductRequest.self)
            let supplier = body.supplier ?? principal.company
            try context.authorize(principal, .manageProducts, owner: ResourceOwner(kind: "product", owner: supplier))
            let actor = context.catalogActor(principal)
            return try await send(context, request) { address in
                .upsertProduct(UpsertProduct(actor: actor, product: body.id, supplier: supplier, name: body.name,
                                             description: body.description ?? "", brand: body.brand, categoryPath: body.categoryPath,
                                             attributes: body.attributes ?? [:], media: body.media ?? [], skus: body.skus,
                                             expectedRevision: body.expectedRevision, replyTo: address))
            }
        }

        api.add(RouteDescriptor("POST", "/v1/products/{id}/status", operationId: "setProductStatus",
                                summary: "List, delist or return to draft, now or at a scheduled time", tag: "catalog",
                                parameters: [.init("id", in: .path, .string, "product id")],
                                requestBody: .object([.init("status", .values(of: ProductStatus.self)),
                                                      .init("scheduledAt", .string(format: "date-time"), required: false)]),
                                responses: [accepted])) { request in
            let principal = try context.principal(request)
            let body = try request.body(StatusRequest.self)
            guard let id = try? ProductID(request.requiredPath("id")) else { throw ApiError.invalid("id", "not a valid product id") }
            let supplier = context.state.catalogSnapshot().state.products[id]?.supplier ?? principal.company
            try context.authorize(principal, .manageProducts, owner: ResourceOwner(kind: "product", owner: supplier))
            let actor = context.catalogActor(principal)
            return try await send(context, request) { address in
                .setProductStatus(SetProductStatus(actor: actor, product: id, supplier: supplier, status: body.status,
                                                   scheduledAt: body.scheduledAt, replyTo: address))
            }
        }

        api.add(RouteDescriptor("POST", "/v1/products/import", operationId: "importProducts",
                                summary: "Bulk create or update products from CSV (one row per SKU); bad rows are reported, good rows applied",
                                tag: "catalog", requestBody: .string(description: "CSV with header product_id,name,category,sku,unit,pack_size,moq,base_price,currency,attributes,status"),
                                requestContentType: "text/csv",
                                responses: [.init(200, "the import report with per-row errors", .ref("ImportReport"))])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .manageProducts, owner: ResourceOwner(kind: "product", owner: principal.company))
            guard !request.body.isEmpty, let csv = String(validating: request.body, as: UTF8.self) else {
                throw ApiError.invalid("body", "send the CSV as UTF-8 text")
            }
            let actor = context.catalogActor(principal)
            let outcome = try await context.sendCatalog({ address in
                .importProducts(ImportProducts(actor: actor, supplier: principal.company, csv: csv, replyTo: address))
            }, correlation: request.correlationId)
            switch outcome {
            case let .imported(report): return json(report)
            case let .rejected(code, message, field): throw ApiError(rejection: code, message: message, field: field)
            case .accepted: throw ApiError(.badGateway, "bad-reply", "the catalog answered an import without a report")
            }
        }

        api.add(RouteDescriptor("GET", "/v1/products/export", operationId: "exportProducts",
                                summary: "The caller's products as CSV (the import format)", tag: "catalog",
                                responses: [.init(200, "CSV", .string, contentType: "text/csv")])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .manageProducts, owner: ResourceOwner(kind: "product", owner: principal.company))
            let products = context.state.catalogSnapshot().state.products.values
                .filter { $0.supplier == principal.company }.sorted { $0.id < $1.id }
            var response = HTTPResponse(status: .ok, body: Array(CatalogCSV.export(products).utf8))
            response.headers.replaceOrAdd("Content-Type", "text/csv; charset=utf-8")
            return response
        }

        api.add(RouteDescriptor("POST", "/v1/price-lists", operationId: "upsertPriceList",
                                summary: "Create or replace a price list: volume tiers, customer tiers, contracts, regions, promotions",
                                tag: "pricing", requestBody: .ref("PriceListRequest"), responses: [accepted])) { request in
            let principal = try context.principal(request)
            let body = try request.body(PriceListRequest.self)
            let owner = body.owner ?? principal.company
            try context.authorize(principal, .managePriceLists, owner: ResourceOwner(kind: "price-list", owner: owner))
            try requireKnownBuyers(in: body.rules, context: context)
            let actor = context.catalogActor(principal)
            return try await send(context, request) { address in
                .upsertPriceList(UpsertPriceList(actor: actor, priceList: body.id, owner: owner, name: body.name, currency: body.currency,
                                                 rules: body.rules, expectedRevision: body.expectedRevision, replyTo: address))
            }
        }

        api.add(RouteDescriptor("GET", "/v1/price-lists", operationId: "listPriceLists", summary: "The caller's price lists",
                                tag: "pricing", responses: [.init(200, "price lists", .array(.ref("PriceList")))])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .managePriceLists, owner: ResourceOwner(kind: "price-list", owner: principal.company))
            let lists = context.state.catalogSnapshot().state.priceLists.values
                .filter { $0.owner == principal.company }.sorted { $0.id < $1.id }
            return json(lists.map(PriceListView.init))
        }

        api.add(RouteDescriptor("POST", "/v1/shops/{id}/listings", operationId: "listInShop",
                                summary: "One-click listing (一键铺货): put supplier SKUs, or a whole category, into a distributor's shop",
                                tag: "shops", parameters: [.init("id", in: .path, .string, "the distributor's company id")],
                                requestBody: .ref("ListingRequest"), responses: [accepted])) { request in
            let principal = try context.principal(request)
            let body = try request.body(ListingRequest.self)
            let shop = try shopID(request)
            try context.authorize(principal, .manageShop, owner: ResourceOwner(kind: "shop", owner: CompanyID(shop.rawValue)))
            guard body.skus != nil || body.category != nil else { throw ApiError.invalid("skus", "send skus or category") }
            let actor = context.catalogActor(principal)
            return try await send(context, request) { address in
                .listInShop(ListInShop(actor: actor, distributor: shop, shopName: body.shopName, supplier: body.supplier,
                                       skus: body.skus, category: body.category, pricing: body.pricing, replyTo: address))
            }
        }

        api.add(RouteDescriptor("POST", "/v1/shops/{id}/listings/remove", operationId: "unlistFromShop",
                                summary: "Take SKUs out of a distributor's shop, or stop following a category", tag: "shops",
                                parameters: [.init("id", in: .path, .string, "the distributor's company id")],
                                requestBody: .ref("UnlistRequest"), responses: [accepted])) { request in
            let principal = try context.principal(request)
            let body = try request.body(UnlistRequest.self)
            let shop = try shopID(request)
            try context.authorize(principal, .manageShop, owner: ResourceOwner(kind: "shop", owner: CompanyID(shop.rawValue)))
            // Catalog answers every mistake (neither or both of skus and category, no supplier) by field.
            let actor = context.catalogActor(principal)
            return try await send(context, request) { address in
                .unlistFromShop(UnlistFromShop(actor: actor, distributor: shop, skus: body.skus ?? [], supplier: body.supplier,
                                               category: body.category, replyTo: address))
            }
        }
    }

    static func shopID(_ request: HTTPRequest) throws -> ShopID {
        guard let id = try? ShopID(request.requiredPath("id")) else { throw ApiError.invalid("id", "not a valid shop id") }
        return id
    }

    /// A contract price names a buyer company; one the platform does not know (a typo) would be a
    /// price nobody ever gets, so it is refused naming the rule.
    static func requireKnownBuyers(in rules: [PriceRule], context: ApiContext) throws {
        for (index, rule) in rules.enumerated() {
            guard case let .contract(buyer, _) = rule.terms else { continue }
            let company = context.state.directory.withLock { $0.company(buyer) }
            guard company?.types.contains(.buyer) == true else {
                throw ApiError.invalid("rules[\(index)].buyer", company == nil
                    ? "no company \(buyer) on the platform" : "company \(buyer) does not buy; contract prices are for buyers")
            }
        }
    }

    /// Sends a command and maps the catalog's answer to HTTP.
    static func send(_ context: ApiContext, _ request: HTTPRequest,
                     _ make: @escaping @Sendable (ReplyAddress) -> CatalogCommand) async throws -> HTTPResponse {
        switch try await context.sendCatalog(make, correlation: request.correlationId) {
        case let .accepted(key, revision): return json(Accepted(key: key, revision: revision))
        case let .rejected(code, message, field): throw ApiError(rejection: code, message: message, field: field)
        case let .imported(report): return json(report)
        }
    }

    static let schemas: [String: Schema] = [
        "Accepted": .object([.init("key", .string), .init("revision", .integer)]),
        "ProductRequest": .object([
            .init("id", .string), .init("supplier", .string(description: "platform operators only; default: the caller's company"), required: false),
            .init("name", .string), .init("description", .string, required: false), .init("brand", .string, required: false),
            .init("categoryPath", .array(.string, maxItems: 6)), .init("attributes", .map(.string), required: false),
            .init("media", .array(.object([.init("kind", .values(of: MediaReference.Kind.self)), .init("url", .string),
                                           .init("title", .string, required: false)]), maxItems: 20), required: false),
            .init("skus", .array(.ref("ProductSKU"), maxItems: 200)), .init("expectedRevision", .integer, required: false),
        ]),
        "PriceRule": .object([
            .init("kind", .enumeration(["volume-tier", "customer-tier", "contract", "regional", "promotion"])),
            .init("sku", .string),
            .init("tiers", .array(.object([.init("minimumQuantity", .integer), .init("unitPrice", .money)])), required: false),
            .init("tier", .values(of: CustomerTier.self), required: false),
            .init("buyer", .string, required: false), .init("region", .string, required: false), .init("name", .string, required: false),
            .init("unitPrice", .money, required: false),
            .init("validFrom", .string(format: "date-time"), required: false),
            .init("validUntil", .string(format: "date-time"), required: false),
        ], description: "Fields by kind: volume-tier takes tiers; customer-tier takes tier and unitPrice; contract takes buyer "
            + "and unitPrice; regional takes region and unitPrice; promotion takes name, unitPrice, validFrom and validUntil. "
            + "Every kind takes sku and an optional validFrom/validUntil window. A field of another kind is refused (400 unknown-field)."),
        "PriceListRequest": .object([
            .init("id", .string), .init("owner", .string, required: false), .init("name", .string), .init("currency", .string),
            .init("rules", .array(.ref("PriceRule"), maxItems: 500)), .init("expectedRevision", .integer, required: false),
        ]),
        "PriceList": .object([
            .init("id", .string), .init("owner", .string), .init("name", .string), .init("currency", .string),
            .init("rules", .array(.ref("PriceRule"))), .init("revision", .integer), .init("updatedAt", .string(format: "date-time")),
        ]),
        "ListingRequest": .object([
            .init("supplier", .string), .init("skus", .array(.string), required: false),
            .init("category", .array(.string), required: false),
            .init("pricing", .object([.init("kind", .enumeration(["markup", "fixed-price"])),
                                      .init("basisPoints", .integer(description: "markup, 1500 = 15%"), required: false),
                                      .init("price", .money, required: false)],
                                     description: "markup takes basisPoints, fixed-price takes price (the other is refused)")),
            .init("shopName", .string, required: false),
        ]),
        "UnlistRequest": .object([
            .init("skus", .array(.string), required: false),
            .init("supplier", .string(description: "with category: whose category to stop following"), required: false),
            .init("category", .array(.string), required: false),
        ], description: "skus to take out, or supplier and category to stop following (every SKU of the supplier under it leaves the shop)"),
        "ImportReport": .object([
            .init("rowsTotal", .integer), .init("rowsAccepted", .integer),
            .init("errors", .array(.object([.init("line", .integer), .init("field", .string), .init("message", .string)]))),
        ]),
    ]
}
