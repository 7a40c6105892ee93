import CatalogCore
import Contracts
import Foundation
import GatewayCore

/// Search results as the API shows them.
struct ProductPage: Encodable {
    struct Item: Encodable {
        let product: ProductID
        let sku: SKU
        let supplier: CompanyID
        let name: String
        let categoryPath: [String]
        let basePrice: Money
        let unit: String
        let minimumOrderQuantity: Int64
        let attributes: [String: String]
        let available: Int64?
    }
    let total: Int
    let page: Int
    let pageSize: Int
    let items: [Item]

    static let schema = Schema.object([
        .init("total", .integer), .init("page", .integer), .init("pageSize", .integer),
        .init("items", .array(.object([
            .init("product", .string), .init("sku", .string), .init("supplier", .string), .init("name", .string),
            .init("categoryPath", .array(.string)), .init("basePrice", .money), .init("unit", .string),
            .init("minimumOrderQuantity", .integer), .init("attributes", .map(.string)),
            .init("available", .integer(description: "units on hand across warehouses"), required: false),
        ]))),
    ])
}

extension ProductPage {
    /// The page as JSON, written by hand: the same document the synthesized `Encodable` gives (a
    /// test holds the two equal), attributes with their keys sorted, at a fraction of the cost.
    /// Searches are most of a promotion's reads.
    var jsonBody: [UInt8] {
        let json = JSONWriter()
        json.raw("{\"total\":")
        json.integer(Int64(total))
        json.raw(",\"page\":")
        json.integer(Int64(page))
        json.raw(",\"pageSize\":")
        json.integer(Int64(pageSize))
        json.raw(",\"items\":[")
        for (index, item) in items.enumerated() {
            if index > 0 { json.raw(",") }
            item.write(to: json)
        }
        json.raw("]}")
        return json.bytes
    }
}

extension ProductPage.Item {
    func write(to json: JSONWriter) {
        json.raw("{\"product\":")
        json.string(product.rawValue)
        json.raw(",\"sku\":")
        json.string(sku.rawValue)
        json.raw(",\"supplier\":")
        json.string(supplier.rawValue)
        json.raw(",\"name\":")
        json.string(name)
        json.raw(",\"categoryPath\":")
        json.strings(categoryPath)
        json.raw(",\"basePrice\":{\"amount\":")
        json.integer(basePrice.minorUnits)
        json.raw(",\"currency\":")
        json.string(basePrice.currency.code)
        json.raw("},\"unit\":")
        json.string(unit)
        json.raw(",\"minimumOrderQuantity\":")
        json.integer(minimumOrderQuantity)
        json.raw(",\"attributes\":")
        json.stringMap(attributes)
        if let available {
            json.raw(",\"available\":")
            json.integer(available)
        }
        json.raw("}")
    }
}

/// A category node with its children, for `GET /v1/categories`.
struct CategoryView: Encodable {
    let name: String
    let path: [String]
    let productCount: Int
    let listedProductCount: Int
    let children: [CategoryView]

    init(_ node: CategoryTree.Node, tree: CategoryTree) {
        name = node.name
        path = node.path
        productCount = node.productCount
        listedProductCount = node.listedProductCount
        children = tree.children(of: node.path).map { CategoryView($0, tree: tree) }
    }

    static let schema = Schema.object([
        .init("name", .string), .init("path", .array(.string)), .init("productCount", .integer),
        .init("listedProductCount", .integer), .init("children", .array(.ref("Category"))),
    ])
}

/// One SKU with its product, for `GET /v1/products/{sku}`.
struct ProductDetail: Encodable {
    let product: ProductView
    let sku: ProductSKU
    let status: String
    let available: Int64?
}

/// A product as callers see it: the catalog's record without `recentCommandIds`, the catalog's
/// memory of the commands that changed it (replay bookkeeping, and the supplier's business).
struct ProductView: Encodable {
    let id: ProductID
    let supplier: CompanyID
    let name: String
    let description: String
    let brand: String?
    let categoryPath: [String]
    let attributes: [String: String]
    let media: [MediaReference]
    let skus: [ProductSKU]
    /// SKUs the product no longer sells; left out when none (an ERP maps them to "discontinued").
    let discontinuedSKUs: [SKU]?
    let status: ProductStatus
    let scheduledListAt: Date?
    let scheduledDelistAt: Date?
    let revision: Int
    let updatedAt: Date

    init(_ product: Product) {
        id = product.id
        supplier = product.supplier
        name = product.name
        description = product.description
        brand = product.brand
        categoryPath = product.categoryPath
        attributes = product.attributes
        media = product.media
        skus = product.skus
        discontinuedSKUs = product.discontinuedSKUs.isEmpty ? nil : product.discontinuedSKUs
        status = product.status
        scheduledListAt = product.scheduledListAt
        scheduledDelistAt = product.scheduledDelistAt
        revision = product.revision
        updatedAt = product.updatedAt
    }
}

/// A price list as its owner sees it, likewise without the replay bookkeeping.
struct PriceListView: Encodable {
    let id: PriceListID
    let owner: CompanyID
    let name: String
    let currency: Currency
    let rules: [PriceRule]
    let revision: Int
    let updatedAt: Date

    init(_ list: PriceList) {
        id = list.id
        owner = list.owner
        name = list.name
        currency = list.currency
        rules = list.rules
        revision = list.revision
        updatedAt = list.updatedAt
    }
}

/// A price quote with the rule that produced it; for a shop listing also the resale price.
struct QuoteView: Encodable {
    let quote: PriceQuote
    let shop: ShopQuote?

    struct ShopQuote: Encodable {
        let distributor: CompanyID
        let unitPrice: Money?
        let total: Money?
        let status: String
        let note: String?
    }
}

enum CatalogSchemas {
    static let appliedRule = Schema.object([
        .init("kind", .values(of: PriceRuleKind.self)),
        .init("priceListId", .string, required: false), .init("description", .string),
    ])

    static let all: [String: Schema] = [
        "ProductPage": ProductPage.schema,
        "Category": CategoryView.schema,
        "ProductSKU": .object([
            .init("sku", .string), .init("attributes", .map(.string)), .init("unit", .string), .init("packSize", .integer),
            .init("minimumOrderQuantity", .integer), .init("basePrice", .money),
            .init("minimumResalePrice", .money, required: false), .init("barcode", .string, required: false),
        ]),
        "Product": .object([
            .init("id", .string), .init("supplier", .string), .init("name", .string), .init("description", .string),
            .init("brand", .string, required: false), .init("categoryPath", .array(.string)), .init("attributes", .map(.string)),
            .init("media", .array(.object([.init("kind", .values(of: MediaReference.Kind.self)), .init("url", .string),
                                           .init("title", .string, required: false)]))),
            .init("skus", .array(.ref("ProductSKU"))),
            .init("discontinuedSKUs", .array(.string), required: false),
            .init("status", .values(of: ProductStatus.self)),
            .init("scheduledListAt", .string(format: "date-time"), required: false),
            .init("scheduledDelistAt", .string(format: "date-time"), required: false),
            .init("revision", .integer), .init("updatedAt", .string(format: "date-time")),
        ]),
        "ProductDetail": .object([.init("product", .ref("Product")), .init("sku", .ref("ProductSKU")),
                                  .init("status", .values(of: ProductStatus.self)),
                                  .init("available", .integer, required: false)]),
        "PriceQuote": .object([
            .init("sku", .string), .init("quantity", .integer), .init("unitPrice", .money), .init("total", .money),
            .init("rule", appliedRule),
            .init("candidates", .array(.object([.init("rule", appliedRule), .init("unitPrice", .money)]))),
        ]),
        "Quote": .object([
            .init("quote", .ref("PriceQuote")),
            .init("shop", .object([.init("distributor", .string), .init("unitPrice", .money, required: false),
                                   .init("total", .money, required: false),
                                   .init("status", .enumeration(["available", "raised-to-floor", "unavailable"])),
                                   .init("note", .string, required: false)]), required: false),
        ]),
    ]
}
