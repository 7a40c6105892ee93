import CatalogCore
import Contracts
import Foundation
import Testing

/// One-click listing (一键铺货) and how supplier changes flow through to listings.
@Suite struct ShopListingTests {
    typealias T = TestData
    static let green = T.product("GREEN", category: ["Beverages", "Tea", "Green tea"],
                                 skus: [T.sku("GREEN-250G", price: 50_00, floor: 60_00), T.sku("GREEN-1KG", price: 180_00)])
    static let black = T.product("BLACK", category: ["Beverages", "Tea", "Black tea"], skus: [T.sku("BLACK-250G", price: 40_00)])
    static let coffee = T.product("COFFEE", category: ["Beverages", "Coffee"], skus: [T.sku("COFFEE-1KG", price: 120_00)])
    static let draftTea = T.product("DRAFT-TEA", category: ["Beverages", "Tea"], skus: [T.sku("DRAFT-1")], status: .draft)
    static let otherSuppliersTea = T.product("B-TEA", supplier: T.supplierB, category: ["Beverages", "Tea"],
                                             skus: [T.sku("B-TEA-1")])
    let records = CatalogRecords(products: [green, black, coffee, draftTea, otherSuppliersTea])

    func list(skus: [String]? = nil, category: [String]? = nil, pricing: ListingPricing = .markup(basisPoints: 1_500),
              records: CatalogRecords? = nil, id: String = "cmd-1") -> CatalogDecision {
        T.decide(.listInShop(ListInShop(actor: T.actor(T.distributor), distributor: T.distributor, shopName: "茶叶小铺",
                                        supplier: T.supplierA, skus: skus.map { $0.map { T.id($0) } },
                                        category: category, pricing: pricing)),
                 records ?? self.records, id: id)
    }

    @Test func listsNamedSKUs_inANewShop() throws {
        let decision = list(skus: ["GREEN-1KG", "BLACK-250G"])
        let shop = try #require(decision.shop)
        #expect(shop.name == "茶叶小铺")
        #expect(shop.listings.map(\.sku.rawValue) == ["BLACK-250G", "GREEN-1KG"])
        #expect(shop.listings.allSatisfy { $0.pricing == .markup(basisPoints: 1_500) && $0.listedAt == T.now })
        #expect(shop.listings.first?.product == T.id("BLACK"))
        #expect(decision.outcome == .accepted(key: "shop:DIST-1", revision: 1))
    }

    @Test func listsAWholeCategory_withOneCommand() throws {
        let shop = try #require(list(category: ["Beverages", "Tea"]).shop)
        // Every listed SKU of supplier A under Beverages > Tea; not the draft, not coffee, not supplier B's tea.
        #expect(shop.listings.map(\.sku.rawValue) == ["BLACK-250G", "GREEN-1KG", "GREEN-250G"])
    }

    @Test func refusesCategory_withoutListedSKUs() {
        let rejection = list(category: ["Beverages", "Juice"]).rejection
        #expect(rejection?.code == .skuNotListed)
        #expect(rejection?.field == "category")
    }

    @Test func relistingKeepsListedAt_andTakesTheNewPricing() throws {
        let first = try #require(list(skus: ["GREEN-1KG"]).shop)
        let withShop = CatalogRecords(products: records.products.values.map { $0 }, shops: [first])
        let later = T.decider.decide(
            T.command(.listInShop(ListInShop(actor: T.actor(T.distributor), distributor: T.distributor,
                                             supplier: T.supplierA, skus: [T.id("GREEN-1KG")],
                                             pricing: .fixedPrice(T.cny(200_00)))), id: "cmd-2"),
            current: withShop, now: T.day(11))
        let shop = try #require(later.shop)
        #expect(shop.listings.first?.listedAt == T.now)
        #expect(shop.listings.first?.pricing == .fixedPrice(T.cny(200_00)))
        #expect(shop.name == "茶叶小铺")
        #expect(shop.revision == 2)
    }

    @Test(arguments: [
        (["NOPE"], RejectionCode.unknownSKU, "skus[0]"),
        (["GREEN-1KG", "B-TEA-1"], .unknownSKU, "skus[1]"),  // another supplier's SKU
        (["DRAFT-1"], .skuNotListed, "skus[0]"),
        (["GREEN-1KG", "GREEN-1KG"], .invalidField, "skus[1]"),
    ])
    func refusesSKU_thatCannotBeListed(_ skus: [String], _ code: RejectionCode, _ field: String) {
        let rejection = list(skus: skus).rejection
        #expect(rejection?.code == code)
        #expect(rejection?.field == field)
    }

    @Test func refusesBothOrNeitherOfSKUsAndCategory() {
        #expect(list().rejection?.field == "skus")
        #expect(list(skus: ["GREEN-1KG"], category: ["Beverages"]).rejection?.field == "skus")
    }

    @Test(arguments: [Int64(-1), 50_001])
    func refusesMarkup_outside0To50000BasisPoints(_ basisPoints: Int64) {
        #expect(list(skus: ["GREEN-1KG"], pricing: .markup(basisPoints: basisPoints)).rejection?.field == "pricing.basisPoints")
    }

    @Test(arguments: [Int64(0), 50_000])
    func acceptsMarkup_atTheBounds(_ basisPoints: Int64) {
        #expect(list(skus: ["GREEN-1KG"], pricing: .markup(basisPoints: basisPoints)).shop != nil)
    }

    @Test func refusesFixedPrice_belowTheSuppliersFloor_namingTheField() {
        let rejection = list(skus: ["GREEN-250G"], pricing: .fixedPrice(T.cny(59_99))).rejection
        #expect(rejection?.code == .belowMinimumResalePrice)
        #expect(rejection?.field == "pricing.price")
        #expect(rejection?.message == "pricing.price 59.99 CNY is below the minimum resale price 60.00 CNY of SKU GREEN-250G")
        #expect(list(skus: ["GREEN-250G"], pricing: .fixedPrice(T.cny(60_00))).shop != nil)
        #expect(list(skus: ["GREEN-250G"], pricing: .fixedPrice(T.usd(90_00))).rejection?.field == "pricing.price")
    }

    @Test func refusesMoreListings_thanTheShopLimit() {
        var limits = CatalogLimits()
        limits.maximumListingsPerShop = 2
        let decision = CatalogDecider(limits: limits).decide(
            T.command(.listInShop(ListInShop(actor: T.actor(T.distributor), distributor: T.distributor, supplier: T.supplierA,
                                             category: ["Beverages"], pricing: .markup(basisPoints: 0)))),
            current: records, now: T.now)
        #expect(decision.rejection?.code == .limitExceeded)
        #expect(decision.rejection?.field == "category")
    }

    @Test func refusesShopRecord_thatWouldNotFitInOneMessage() {
        // About 150 bytes a listing: with 1 MiB messages a shop holds roughly 6,500 listings (see NOTES.md).
        var limits = CatalogLimits()
        limits.maximumRecordBytes = 400
        let decision = CatalogDecider(limits: limits).decide(
            T.command(.listInShop(ListInShop(actor: T.actor(T.distributor), distributor: T.distributor, supplier: T.supplierA,
                                             category: ["Beverages"], pricing: .markup(basisPoints: 0)))),
            current: records, now: T.now)
        #expect(decision.rejection?.code == .limitExceeded)
        #expect(decision.rejection?.message.hasPrefix("the shop of DIST-1 would be") == true)
    }

    @Test func unlistsSKUs_andRefusesOnesNotInTheShop() throws {
        let shop = try #require(list(category: ["Beverages", "Tea"]).shop)
        let withShop = CatalogRecords(products: records.products.values.map { $0 }, shops: [shop])
        let unlist = { (skus: [String]) in
            T.decide(.unlistFromShop(UnlistFromShop(actor: T.actor(T.distributor), distributor: T.distributor,
                                                    skus: skus.map { T.id($0) })), withShop, id: "cmd-2")
        }
        #expect(try #require(unlist(["GREEN-250G"]).shop).listings.map(\.sku.rawValue) == ["BLACK-250G", "GREEN-1KG"])
        let rejection = unlist(["GREEN-250G", "COFFEE-1KG"]).rejection
        #expect(rejection?.code == .unknownSKU)
        #expect(rejection?.field == "skus[1]")
    }

    // MARK: supplier changes flow through (ShopPricing)

    func listing(_ sku: String, _ pricing: ListingPricing, product: String = "GREEN") -> ShopListing {
        ShopListing(sku: T.id(sku), product: T.id(product), supplier: T.supplierA, pricing: pricing, listedAt: T.day(1))
    }

    func supplierQuote(_ sku: String, _ product: Product, quantity: Int64 = 2) throws -> PriceQuote {
        try PriceEngine.quote(sku: T.id(sku), quantity: quantity, buyer: BuyerProfile(company: T.buyer), product: product,
                              priceLists: [], now: T.now).get()
    }

    @Test func markupIsAppliedToTheSuppliersQuote() throws {
        let price = ShopPricing.resalePrice(listing: listing("GREEN-1KG", .markup(basisPoints: 1_500)),
                                            product: Self.green, supplierQuote: try supplierQuote("GREEN-1KG", Self.green),
                                            now: T.now)
        #expect(price.unitPrice == T.cny(207_00))
        #expect(price.total == T.cny(414_00))
        #expect(price.status == .available)
    }

    @Test func markupRoundsHalfUpToTheMinorUnit() throws {
        let odd = T.product("ODD", skus: [T.sku("ODD-1", price: 1_01)])
        let price = ShopPricing.resalePrice(listing: listing("ODD-1", .markup(basisPoints: 5_000), product: "ODD"),
                                            product: odd, supplierQuote: try supplierQuote("ODD-1", odd), now: T.now)
        #expect(price.unitPrice == T.cny(1_52))  // 1.515 → 1.52
    }

    @Test func delistedProduct_makesTheListingUnavailable() throws {
        let quote = try supplierQuote("GREEN-1KG", Self.green)
        let delisted = T.product("GREEN", skus: Self.green.skus, status: .delisted, revision: 2)
        let price = ShopPricing.resalePrice(listing: listing("GREEN-1KG", .markup(basisPoints: 1_000)), product: delisted,
                                            supplierQuote: quote, now: T.now)
        #expect(price.unitPrice == nil)
        #expect(price.status == .unavailable(reason: "product GREEN is delisted by its supplier"))
    }

    @Test func removedSKUOrProduct_makesTheListingUnavailable() throws {
        let quote = try supplierQuote("GREEN-1KG", Self.green)
        let withoutSKU = T.product("GREEN", skus: [T.sku("GREEN-250G", price: 50_00)], revision: 2)
        let gone = ShopPricing.resalePrice(listing: listing("GREEN-1KG", .markup(basisPoints: 0)), product: withoutSKU,
                                           supplierQuote: quote, now: T.now)
        #expect(gone.status == .unavailable(reason: "SKU GREEN-1KG is no longer offered by product GREEN"))
        #expect(ShopPricing.availability(of: listing("GREEN-1KG", .markup(basisPoints: 0)), product: nil, now: T.now)
            == .unavailable(reason: "product GREEN no longer exists"))
    }

    @Test func raisedFloor_appliesAboveAFixedPrice_andIsFlagged() throws {
        let fixed = listing("GREEN-250G", .fixedPrice(T.cny(65_00)))
        let raised = T.product("GREEN", skus: [T.sku("GREEN-250G", price: 50_00, floor: 70_00)], revision: 2)
        let price = ShopPricing.resalePrice(listing: fixed, product: raised,
                                            supplierQuote: try supplierQuote("GREEN-250G", raised), now: T.now)
        #expect(price.unitPrice == T.cny(70_00))
        #expect(price.total == T.cny(140_00))
        #expect(price.status == .raisedToFloor(configured: T.cny(65_00), floor: T.cny(70_00)))
    }

    @Test func floorAppliesToMarkupPricesToo() throws {
        // 50.00 + 10 % = 55.00, under the 60.00 floor.
        let price = ShopPricing.resalePrice(listing: listing("GREEN-250G", .markup(basisPoints: 1_000)), product: Self.green,
                                            supplierQuote: try supplierQuote("GREEN-250G", Self.green), now: T.now)
        #expect(price.unitPrice == T.cny(60_00))
        #expect(price.status == .raisedToFloor(configured: T.cny(55_00), floor: T.cny(60_00)))
    }

    @Test func shopQuote_usesTheSuppliersPriceListsForTheBuyer() throws {
        let contract = T.priceList("PL-1", rules: [PriceRule(sku: T.id("GREEN-1KG"),
                                                             terms: .contract(buyer: T.buyer, unitPrice: T.cny(150_00)))])
        let price = try ShopPricing.quote(listing: listing("GREEN-1KG", .markup(basisPoints: 2_000)), quantity: 3,
                                          buyer: BuyerProfile(company: T.buyer), product: Self.green,
                                          priceLists: [contract], now: T.now).get()
        #expect(price.unitPrice == T.cny(180_00))
        #expect(price.total == T.cny(540_00))
        let unavailable = try ShopPricing.quote(listing: listing("GREEN-1KG", .markup(basisPoints: 0)), quantity: 3,
                                                buyer: BuyerProfile(company: T.buyer), product: nil, priceLists: [],
                                                now: T.now).get()
        #expect(unavailable.unitPrice == nil)
        #expect(ShopPricing.quote(listing: listing("GREEN-1KG", .markup(basisPoints: 0)), quantity: 0,
                                  buyer: BuyerProfile(company: T.buyer), product: Self.green, priceLists: [],
                                  now: T.now).failure == .invalidQuantity(0))
    }

    @Test func listingFollowsSupplierChanges_endToEndThroughTheState() throws {
        var state = CatalogState()
        for product in [Self.green, Self.black] { state.apply(.productChanged(product)) }
        let listed = T.decider.decide(
            T.command(.listInShop(ListInShop(actor: T.actor(T.distributor), distributor: T.distributor, supplier: T.supplierA,
                                             category: ["Beverages", "Tea"], pricing: .fixedPrice(T.cny(65_00))))),
            current: state.records, now: T.now)
        for event in listed.events { state.apply(event) }
        // The supplier delists black tea and raises the floor of green tea 250 g.
        let delist = T.decider.decide(
            T.command(.setProductStatus(SetProductStatus(actor: T.actor(T.supplierA), product: T.id("BLACK"),
                                                         supplier: T.supplierA, status: .delisted)), id: "cmd-2"),
            current: state.records, now: T.now)
        for event in delist.events { state.apply(event) }
        let raise = T.decider.decide(
            T.command(T.upsert(Self.green, skus: [T.sku("GREEN-250G", price: 50_00, floor: 68_00), T.sku("GREEN-1KG", price: 180_00)]),
                      id: "cmd-3"),
            current: state.records, now: T.now)
        for event in raise.events { state.apply(event) }

        let shop = try #require(state.shops[T.distributor])
        let statuses = try shop.listings.map { listing -> ResaleStatus in
            try ShopPricing.quote(listing: listing, quantity: 1, buyer: BuyerProfile(company: T.buyer),
                                  product: state.products[listing.product], priceLists: [], now: T.now).get().status
        }
        #expect(statuses == [
            .unavailable(reason: "product BLACK is delisted by its supplier"),
            .available,
            .raisedToFloor(configured: T.cny(65_00), floor: T.cny(68_00)),
        ])
    }
}
