import CatalogCore
import Contracts
import Foundation
import GatewayCore
import HTTP

/// A distributor's shop as buyers see it: each listing with its current availability and the
/// caller's resale price, computed from the supplier's current product (delisting and price floors
/// flow through at read time, never copied).
enum ShopRoutes {
    struct ListingView: Encodable {
        let sku: SKU
        let product: ProductID
        let supplier: CompanyID
        let name: String?
        let pricing: ListingPricing
        let status: String
        let unitPrice: Money?
        let note: String?
    }
    struct ShopView: Encodable {
        let distributor: CompanyID
        let name: String
        let listings: [ListingView]
        let followedCategories: [CategoryFollow]
        let excludedSKUs: [SKU]
    }

    static func install(on api: inout ApiRouter, context: ApiContext) {
        api.add(RouteDescriptor("GET", "/v1/shops/{id}/listings", operationId: "getShop",
                                summary: "A distributor's shop with each listing's availability and the caller's price at the minimum order quantity",
                                tag: "shops", parameters: [.init("id", in: .path, .string, "the distributor's company id")],
                                responses: [.init(200, "the shop", .ref("Shop"))])) { request in
            let principal = try context.principal(request)
            try context.authorize(principal, .browseCatalog)
            let shopText = try request.requiredPath("id")
            let snapshot = context.state.catalogSnapshot()
            guard let id = try? ShopID(shopText), let shop = snapshot.state.shops[id] else { throw ApiError.notFound("shop \(shopText)") }
            let buyer = context.buyerProfile(principal.company)
            let now = Date()
            let listings = ShopContents.listings(of: shop, products: snapshot.state.products.values, now: now)
                .map { listing -> ListingView in
                let product = snapshot.state.products[listing.product]
                let quantity = product?.skus.first { $0.sku == listing.sku }?.minimumOrderQuantity ?? 1
                let rules = snapshot.prices.rules(for: listing.sku, supplier: listing.supplier)
                let (status, price, note): (String, Money?, String?) = {
                    guard let product else { return ("unavailable", nil, "the supplier's product no longer exists") }
                    guard case let .success(quote) = PriceEngine.quote(sku: listing.sku, quantity: quantity, buyer: buyer,
                                                                        product: product, rules: rules, now: now) else {
                        if case let .unavailable(reason) = ShopPricing.availability(of: listing, product: product, now: now) {
                            return ("unavailable", nil, reason)
                        }
                        return ("unavailable", nil, "the supplier's price cannot be quoted")
                    }
                    if let available = context.state.onHand(listing.sku), available <= 0 {
                        return ("sold-out", nil, "no stock available now")
                    }
                    let resale = ShopPricing.resalePrice(listing: listing, product: product, supplierQuote: quote, now: now)
                    switch resale.status {
                    case .available: return ("available", resale.unitPrice, nil)
                    case let .raisedToFloor(configured, floor):
                        return ("raised-to-floor", resale.unitPrice, "\(configured.formatted) is below the supplier's floor \(floor.formatted)")
                    case let .unavailable(reason): return ("unavailable", nil, reason)
                    }
                }()
                return ListingView(sku: listing.sku, product: listing.product, supplier: listing.supplier, name: product?.name,
                                   pricing: listing.pricing, status: status, unitPrice: price, note: note)
            }
            return json(ShopView(distributor: shop.distributor, name: shop.name, listings: listings,
                                 followedCategories: shop.followedCategories, excludedSKUs: shop.excludedSKUs))
        }
    }

    static let pricing: Schema = .object([.init("kind", .enumeration(["markup", "fixed-price"])),
                                          .init("basisPoints", .integer, required: false), .init("price", .money, required: false)])

    static let schemas: [String: Schema] = [
        "Shop": .object([
            .init("distributor", .string), .init("name", .string),
            .init("listings", .array(.object([
                .init("sku", .string), .init("product", .string), .init("supplier", .string), .init("name", .string, required: false),
                .init("pricing", pricing),
                .init("status", .enumeration(["available", "raised-to-floor", "sold-out", "unavailable"])),
                .init("unitPrice", .money, required: false), .init("note", .string, required: false),
            ]))),
            .init("followedCategories", .array(.object([
                .init("supplier", .string), .init("category", .array(.string)), .init("pricing", pricing),
                .init("since", .string(format: "date-time", description: "when the shop began to follow the category")),
            ], description: "a category listed whole: SKUs the supplier lists under it later are in the shop too"))),
            .init("excludedSKUs", .array(.string(description: "a SKU taken out of the shop although a followed category covers it"))),
        ]),
    ]
}
