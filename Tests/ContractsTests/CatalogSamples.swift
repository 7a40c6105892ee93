import Foundation
@testable import Contracts

/// The typed values the catalog golden fixtures hold (id and date helpers are `Samples`').
enum CatalogSamples {
    static func id<Tag>(_ raw: String) -> Identifier<Tag> { Samples.id(raw) }
    static func date(_ text: String) -> Date { Samples.date(text) }

    static func cny(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .cny) }

    static let supplier: CompanyID = id("SUP-HANGZHOU-TEA")
    static let distributor: CompanyID = id("DIST-EAST-01")
    static let buyer: CompanyID = id("BUYER-ACME")
    static let correlation: CorrelationID = id("corr-cat-1")
    static let manager = CatalogActor(company: supplier, roles: [CatalogActor.catalogManagerRole], user: id("u-li-lei"))
    static let distributorActor = CatalogActor(company: distributor, roles: [CatalogActor.companyAdminRole], user: nil)
    static let replyTo = ReplyAddress(instance: "gw-2", partition: 7, requestId: "req-000042")

    static func envelope<M: MessageFamily>(_ id: String, _ payload: M, key: String, causation: String?,
                                           at occurredAt: String) -> Envelope<M> {
        Envelope(id: Self.id(id), occurredAt: date(occurredAt), causationId: causation.map { Self.id($0) },
                 correlationId: correlation, tenant: "tradeflow", key: key, payload: payload)
    }

    static let longjing250 = ProductSKU(
        sku: id("LJ-250G"), attributes: ["spec": "250g", "grade": "特级"], unit: "盒", packSize: 2,
        minimumOrderQuantity: 10, basePrice: cny(128_50), minimumResalePrice: cny(150_00), barcode: "6901234567892")
    static let longjing1kg = ProductSKU(
        sku: id("LJ-1KG"), attributes: ["spec": "1kg"], unit: "盒", packSize: 1, minimumOrderQuantity: 1,
        basePrice: cny(480_00))

    static let product = Product(
        id: id("P-LONGJING"), supplier: supplier, name: "西湖龙井 West Lake Longjing",
        description: "Pan-fired green tea, 明前 harvest.\nShips in tins.", brand: "狮峰",
        categoryPath: ["Beverages", "Tea", "Green tea"], attributes: ["origin": "杭州", "storage": "cool/dry"],
        media: [MediaReference(kind: .image, url: "https://cdn.example.com/p/longjing.jpg", title: "Tin, front"),
                MediaReference(kind: .document, url: "s3://tradeflow-media/certs/longjing-organic.pdf")],
        skus: [longjing250, longjing1kg], status: .listed, scheduledListAt: nil,
        scheduledDelistAt: date("2027-03-31T16:00:00.000Z"), revision: 7, updatedAt: date("2026-11-22T04:00:00.015Z"),
        recentCommandIds: [id("cmd-cat-0001"), id("cmd-cat-0002")])

    static let draftProduct = Product(
        id: id("P-NEW"), supplier: supplier, name: "New blend", categoryPath: ["Beverages"],
        skus: [], status: .draft, revision: 1, updatedAt: date("2026-11-22T04:00:00.000Z"))

    static let rules = [
        PriceRule(sku: id("LJ-250G"), terms: .volumeTiers([
            VolumeTier(minimumQuantity: 10, unitPrice: cny(125_00)), VolumeTier(minimumQuantity: 100, unitPrice: cny(118_00)),
        ])),
        PriceRule(sku: id("LJ-250G"), terms: .customerTier(.gold, unitPrice: cny(120_00))),
        PriceRule(sku: id("LJ-250G"), terms: .contract(buyer: buyer, unitPrice: cny(115_00)),
                  validFrom: date("2026-01-01T00:00:00.000Z"), validUntil: date("2027-01-01T00:00:00.000Z")),
        PriceRule(sku: id("LJ-1KG"), terms: .regional(region: "CN-EAST", unitPrice: cny(470_00))),
        PriceRule(sku: id("LJ-1KG"), terms: .promotion(name: "双11 Double Eleven", unitPrice: cny(399_00)),
                  validFrom: date("2026-11-10T16:00:00.000Z"), validUntil: date("2026-11-11T16:00:00.000Z")),
    ]

    static let priceList = PriceList(
        id: id("PL-2026-WINTER"), owner: supplier, name: "Winter 2026", currency: .cny, rules: rules, revision: 3,
        updatedAt: date("2026-11-22T04:01:00.000Z"), recentCommandIds: [id("cmd-cat-0003")])

    static let shop = Shop(
        distributor: distributor, name: "华东茶叶批发", listings: [
            ShopListing(sku: id("LJ-1KG"), product: id("P-LONGJING"), supplier: supplier, pricing: .markup(basisPoints: 1_500),
                        listedAt: date("2026-11-20T02:30:00.000Z")),
            ShopListing(sku: id("LJ-250G"), product: id("P-LONGJING"), supplier: supplier, pricing: .fixedPrice(cny(168_00)),
                        listedAt: date("2026-11-21T09:00:00.500Z")),
        ], revision: 2, updatedAt: date("2026-11-22T04:02:00.000Z"), recentCommandIds: [id("cmd-cat-0005")])

    /// A shop that listed the supplier's tea as a category (so follows it) and took one SKU out.
    static let followingShop = Shop(
        distributor: distributor, name: "华东茶叶批发", listings: [
            ShopListing(sku: id("LJ-1KG"), product: id("P-LONGJING"), supplier: supplier, pricing: .markup(basisPoints: 1_500),
                        listedAt: date("2026-11-22T04:04:00.000Z")),
        ], followedCategories: [
            CategoryFollow(supplier: supplier, category: ["Beverages", "Tea"], pricing: .markup(basisPoints: 1_500),
                           since: date("2026-11-22T04:04:00.000Z")),
        ], excludedSKUs: [id("LJ-250G")], revision: 4, updatedAt: date("2026-11-22T04:05:00.000Z"),
        recentCommandIds: [id("cmd-cat-0005"), id("cmd-cat-0007"), id("cmd-cat-0008")])

    static let report = ImportReport(
        commandId: id("cmd-cat-0004"), actor: manager, supplier: supplier, rowsTotal: 3, rowsAccepted: 2,
        productsChanged: 1,
        errors: [RowError(line: 4, field: "base_price", message: "base_price: invalid amount: \"12.345\" has more than 2 decimal places for CNY")])

    static let importCSV = """
        product_id,name,category,sku,unit,pack_size,moq,base_price,currency,attributes,status\r
        P-LONGJING,"西湖龙井, 特级",Beverages > Tea > Green tea,LJ-250G,盒,2,10,128.50,CNY,spec=250g,listed\r

        """

    /// (fixture file, value) for every catalog command fixture.
    static let commands: [(String, Envelope<CatalogCommand>)] = [
        ("catalog.upsert-product.v1.json", envelope(
            "cmd-cat-0002", .upsertProduct(UpsertProduct(
                actor: manager, product: product.id, supplier: supplier, name: product.name,
                description: product.description, brand: product.brand, categoryPath: product.categoryPath,
                attributes: product.attributes, media: product.media, skus: product.skus, expectedRevision: 6,
                replyTo: replyTo)),
            key: supplier.rawValue, causation: "http:gw-2:req-000042", at: "2026-11-22T04:00:00.000Z")),
        ("catalog.upsert-product.v1.without-optionals.json", envelope(
            "cmd-cat-0010", .upsertProduct(UpsertProduct(
                actor: CatalogActor(company: supplier, roles: []), product: id("P-NEW"), supplier: supplier,
                name: "New blend", categoryPath: ["Beverages"], skus: [])),
            key: supplier.rawValue, causation: nil, at: "2026-11-22T04:00:00.000Z")),
        ("catalog.set-product-status.v1.json", envelope(
            "cmd-cat-0006", .setProductStatus(SetProductStatus(
                actor: manager, product: product.id, supplier: supplier, status: .delisted,
                scheduledAt: date("2027-03-31T16:00:00.000Z"), replyTo: replyTo)),
            key: supplier.rawValue, causation: nil, at: "2026-11-22T04:03:00.000Z")),
        ("catalog.import-products.v1.json", envelope(
            "cmd-cat-0004", .importProducts(ImportProducts(actor: manager, supplier: supplier, csv: importCSV,
                                                           replyTo: replyTo)),
            key: supplier.rawValue, causation: nil, at: "2026-11-22T04:00:30.000Z")),
        ("catalog.upsert-price-list.v1.json", envelope(
            "cmd-cat-0003", .upsertPriceList(UpsertPriceList(
                actor: manager, priceList: priceList.id, owner: supplier, name: priceList.name, currency: .cny,
                rules: rules, expectedRevision: 2, replyTo: replyTo)),
            key: supplier.rawValue, causation: nil, at: "2026-11-22T04:01:00.000Z")),
        ("catalog.list-in-shop.v1.json", envelope(
            "cmd-cat-0005", .listInShop(ListInShop(
                actor: distributorActor, distributor: distributor, shopName: "华东茶叶批发", supplier: supplier,
                skus: [id("LJ-250G")], pricing: .fixedPrice(cny(168_00)), replyTo: replyTo)),
            key: distributor.rawValue, causation: nil, at: "2026-11-22T04:02:00.000Z")),
        ("catalog.list-in-shop.v1.category.json", envelope(
            "cmd-cat-0007", .listInShop(ListInShop(
                actor: distributorActor, distributor: distributor, supplier: supplier,
                category: ["Beverages", "Tea"], pricing: .markup(basisPoints: 1_500))),
            key: distributor.rawValue, causation: nil, at: "2026-11-22T04:04:00.000Z")),
        ("catalog.unlist-from-shop.v1.json", envelope(
            "cmd-cat-0008", .unlistFromShop(UnlistFromShop(actor: distributorActor, distributor: distributor,
                                                           skus: [id("LJ-1KG")], replyTo: replyTo)),
            key: distributor.rawValue, causation: nil, at: "2026-11-22T04:05:00.000Z")),
        ("catalog.unlist-from-shop.v1.category.json", envelope(
            "cmd-cat-0009", .unlistFromShop(UnlistFromShop(actor: distributorActor, distributor: distributor, skus: [],
                                                           supplier: supplier, category: ["Beverages", "Tea"],
                                                           replyTo: replyTo)),
            key: distributor.rawValue, causation: nil, at: "2026-11-22T04:06:00.000Z")),
    ]

    /// (fixture file, value) for every catalog event fixture.
    static let events: [(String, Envelope<CatalogEvent>)] = [
        ("catalog.product-changed.v1.json", envelope(
            "9b1d1c3f0a7e4c2a8f6d5e4c3b2a1908", .productChanged(product), key: "P-LONGJING",
            causation: "cmd-cat-0002", at: "2026-11-22T04:00:00.015Z")),
        ("catalog.product-changed.v1.without-optionals.json", envelope(
            "evt-cat-0010", .productChanged(draftProduct), key: "P-NEW",
            causation: "cmd-cat-0010", at: "2026-11-22T04:00:00.000Z")),
        ("catalog.price-list-changed.v1.json", envelope(
            "evt-cat-0003", .priceListChanged(priceList), key: "price-list:PL-2026-WINTER",
            causation: "cmd-cat-0003", at: "2026-11-22T04:01:00.000Z")),
        ("catalog.shop-changed.v1.json", envelope(
            "evt-cat-0005", .shopChanged(shop), key: "shop:DIST-EAST-01",
            causation: "cmd-cat-0005", at: "2026-11-22T04:02:00.000Z")),
        ("catalog.shop-changed.v1.following.json", envelope(
            "evt-cat-0008", .shopChanged(followingShop), key: "shop:DIST-EAST-01",
            causation: "cmd-cat-0008", at: "2026-11-22T04:05:00.000Z")),
        ("catalog.products-imported.v1.json", envelope(
            "evt-cat-0004", .productsImported(report), key: "import:cmd-cat-0004",
            causation: "cmd-cat-0004", at: "2026-11-22T04:00:30.020Z")),
    ]

    /// (fixture file, value) for every catalog reply fixture.
    static let replies: [(String, Envelope<CatalogReply>)] = [
        ("catalog.command-reply.v1.json", envelope(
            "rep-cat-0002", CatalogReply(requestId: "req-000042", commandId: id("cmd-cat-0002"),
                                         outcome: .accepted(key: "P-LONGJING", revision: 7)),
            key: "gw-2", causation: "cmd-cat-0002", at: "2026-11-22T04:00:00.016Z")),
        ("catalog.command-reply.v1.rejected.json", envelope(
            "rep-cat-0005", CatalogReply(requestId: "req-000043", commandId: id("cmd-cat-0005"), outcome: .rejected(
                code: .belowMinimumResalePrice,
                message: "pricing.price 140.00 CNY is below the minimum resale price 150.00 CNY of SKU LJ-250G",
                field: "pricing.price")),
            key: "gw-2", causation: "cmd-cat-0005", at: "2026-11-22T04:02:00.001Z")),
        ("catalog.command-reply.v1.rejected-without-field.json", envelope(
            "rep-cat-0009", CatalogReply(requestId: "req-000044", commandId: id("cmd-cat-0009"), outcome: .rejected(
                code: .limitExceeded, message: "product P-BIG would be 1200345 bytes encoded, over the limit of 1000000",
                field: nil)),
            key: "gw-2", causation: "cmd-cat-0009", at: "2026-11-22T04:06:00.000Z")),
        ("catalog.command-reply.v1.imported.json", envelope(
            "rep-cat-0004", CatalogReply(requestId: "req-000045", commandId: id("cmd-cat-0004"), outcome: .imported(report)),
            key: "gw-2", causation: "cmd-cat-0004", at: "2026-11-22T04:00:30.021Z")),
    ]
}
