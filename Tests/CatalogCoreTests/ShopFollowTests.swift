import CatalogCore
import Contracts
import Foundation
import Testing

/// A category listed whole is followed: SKUs the supplier lists under it later are in the shop,
/// resolved when read (`ShopContents`), and the distributor can take SKUs out or stop following.
@Suite struct ShopFollowTests {
    typealias T = TestData
    static let green = T.product("GREEN", category: ["Beverages", "Tea", "Green tea"], skus: [T.sku("GREEN-250G")])
    static let coffee = T.product("COFFEE", category: ["Beverages", "Coffee"], skus: [T.sku("COFFEE-1KG")])
    /// Added by the supplier after the shop listed its tea.
    static let oolong = T.product("OOLONG", category: ["Beverages", "Tea", "Oolong"], skus: [T.sku("OOLONG-1"), T.sku("OOLONG-2")])
    static let draftTea = T.product("DRAFT-TEA", category: ["Beverages", "Tea"], skus: [T.sku("DRAFT-1")], status: .draft)
    static let otherSuppliersTea = T.product("B-TEA", supplier: T.supplierB, category: ["Beverages", "Tea"], skus: [T.sku("B-TEA-1")])

    static let before = CatalogRecords(products: [green, coffee])
    static let laterProducts = [green, coffee, oolong, draftTea, otherSuppliersTea]

    func list(category: [String]? = nil, skus: [String]? = nil, pricing: ListingPricing = .markup(basisPoints: 1_500),
              on shop: Shop? = nil, products: [Product] = laterProducts, id: String, at now: Date = T.now) -> CatalogDecision {
        T.decide(.listInShop(ListInShop(actor: T.actor(T.distributor), distributor: T.distributor, supplier: T.supplierA,
                                        skus: skus.map { $0.map { T.id($0) } }, category: category, pricing: pricing)),
                 CatalogRecords(products: products, shops: shop.map { [$0] } ?? []), id: id, at: now)
    }

    func unlist(_ skus: [String] = [], category: [String]? = nil, supplier: CompanyID? = T.supplierA, on shop: Shop,
                id: String) -> CatalogDecision {
        T.decide(.unlistFromShop(UnlistFromShop(actor: T.actor(T.distributor), distributor: T.distributor,
                                                skus: skus.map { T.id($0) }, supplier: category == nil ? nil : supplier,
                                                category: category)),
                 CatalogRecords(products: Self.laterProducts, shops: [shop]), id: id)
    }

    func offered(_ shop: Shop, products: [Product] = laterProducts) -> [String] {
        ShopContents.listings(of: shop, products: products, now: T.now).map(\.sku.rawValue)
    }

    func teaShop() throws -> Shop {
        try #require(list(category: ["Beverages", "Tea"], products: [Self.green, Self.coffee], id: "cmd-1", at: T.day(1)).shop)
    }

    @Test func listingACategory_followsIt_andLaterProductsAppearInTheShop() throws {
        let shop = try teaShop()
        #expect(shop.followedCategories == [CategoryFollow(supplier: T.supplierA, category: ["Beverages", "Tea"],
                                                           pricing: .markup(basisPoints: 1_500), since: T.day(1))])
        #expect(shop.listings.map(\.sku.rawValue) == ["GREEN-250G"])
        // Not the draft, not coffee, not supplier B's tea.
        #expect(offered(shop) == ["GREEN-250G", "OOLONG-1", "OOLONG-2"])
        let oolong = try #require(ShopContents.listing(of: T.id("OOLONG-2"), in: shop, product: Self.oolong, now: T.now))
        #expect(oolong.pricing == .markup(basisPoints: 1_500) && oolong.listedAt == T.day(1) && oolong.product == T.id("OOLONG"))
        #expect(ShopContents.listing(of: T.id("DRAFT-1"), in: shop, product: Self.draftTea, now: T.now) == nil)
        #expect(ShopContents.listing(of: T.id("B-TEA-1"), in: shop, product: Self.otherSuppliersTea, now: T.now) == nil)
    }

    @Test func aDelistedFollowedProduct_leavesTheShop() throws {
        let delisted = T.product("OOLONG", category: ["Beverages", "Tea", "Oolong"], skus: [T.sku("OOLONG-1")], status: .delisted)
        #expect(offered(try teaShop(), products: [Self.green, delisted]) == ["GREEN-250G"])
    }

    @Test func listingTheCategoryAgain_changesItsPricing_andKeepsItsStart() throws {
        let again = try #require(list(category: ["Beverages", "Tea"], pricing: .markup(basisPoints: 900), on: try teaShop(), id: "cmd-2").shop)
        #expect(again.followedCategories.map(\.pricing) == [.markup(basisPoints: 900)])
        #expect(again.followedCategories.map(\.since) == [T.day(1)])
        #expect(ShopContents.listing(of: T.id("OOLONG-1"), in: again, product: Self.oolong, now: T.now)?.pricing == .markup(basisPoints: 900))
    }

    @Test func theMostSpecificFollowedCategory_setsThePrice() throws {
        let both = try #require(list(category: ["Beverages", "Tea", "Oolong"], pricing: .markup(basisPoints: 3_000),
                                     on: try teaShop(), id: "cmd-2").shop)
        #expect(both.followedCategories.map(\.category) == [["Beverages", "Tea"], ["Beverages", "Tea", "Oolong"]])
        #expect(ShopContents.listing(of: T.id("OOLONG-1"), in: both, product: Self.oolong, now: T.now)?.pricing == .markup(basisPoints: 3_000))
        #expect(ShopContents.listing(of: T.id("GREEN-250G"), in: both, product: Self.green, now: T.now)?.pricing == .markup(basisPoints: 1_500))
    }

    @Test func takingOutAFollowedSKU_keepsItOut_untilItIsListedAgain() throws {
        let shop = try teaShop()
        // OOLONG-1 came in through the category; GREEN-250G is a listing of its own under it.
        let without = try #require(unlist(["OOLONG-1", "GREEN-250G"], on: shop, id: "cmd-2").shop)
        #expect(without.excludedSKUs.map(\.rawValue) == ["GREEN-250G", "OOLONG-1"])
        #expect(without.listings.isEmpty)
        #expect(offered(without) == ["OOLONG-2"])
        // Taking it out twice: it is no longer in the shop.
        #expect(unlist(["OOLONG-1"], on: without, id: "cmd-3").rejection?.field == "skus[0]")
        let back = try #require(list(skus: ["OOLONG-1"], on: without, id: "cmd-4").shop)
        #expect(back.excludedSKUs.map(\.rawValue) == ["GREEN-250G"])
        #expect(offered(back) == ["OOLONG-1", "OOLONG-2"])
        let whole = try #require(list(category: ["Beverages", "Tea"], on: back, id: "cmd-5").shop)
        #expect(whole.excludedSKUs.isEmpty)
        #expect(offered(whole) == ["GREEN-250G", "OOLONG-1", "OOLONG-2"])
    }

    @Test func stoppingToFollow_removesTheCategoryAndEverySKUUnderIt() throws {
        let withCoffee = try #require(list(skus: ["COFFEE-1KG"], on: try teaShop(), id: "cmd-2").shop)
        let excluded = try #require(unlist(["OOLONG-1"], on: withCoffee, id: "cmd-3").shop)
        let decision = unlist(category: ["Beverages", "Tea"], on: excluded, id: "cmd-4")
        let shop = try #require(decision.shop)
        #expect(shop.followedCategories.isEmpty)
        #expect(shop.excludedSKUs.isEmpty)
        #expect(offered(shop) == ["COFFEE-1KG"])
        #expect(decision.outcome == .accepted(key: "shop:DIST-1", revision: 4))
        // Nothing left to stop: named by the field.
        let again = unlist(category: ["Beverages", "Tea"], on: shop, id: "cmd-5").rejection
        #expect(again?.field == "category")
        #expect(again?.message.contains("neither follows nor lists") == true)
        #expect(unlist(category: ["Beverages", "Tea"], supplier: nil, on: excluded, id: "cmd-6").rejection?.field == "supplier")
    }

    @Test func aReplayedCommand_changesNothing() throws {
        let shop = try teaShop()
        let first = try #require(unlist(["OOLONG-1"], on: shop, id: "cmd-2").shop)
        let replay = unlist(["OOLONG-1"], on: first, id: "cmd-2")
        #expect(replay.events.isEmpty)
        #expect(replay.outcome == .accepted(key: "shop:DIST-1", revision: first.revision))
    }

    @Test func refusesMoreFollowedCategories_thanTheLimit() throws {
        var limits = CatalogLimits()
        limits.maximumFollowedCategoriesPerShop = 1
        let decision = CatalogDecider(limits: limits).decide(
            T.command(.listInShop(ListInShop(actor: T.actor(T.distributor), distributor: T.distributor, supplier: T.supplierA,
                                             category: ["Beverages", "Coffee"], pricing: .markup(basisPoints: 0))), id: "cmd-2"),
            current: CatalogRecords(products: Self.laterProducts, shops: [try teaShop()]), now: T.now)
        #expect(decision.rejection?.code == .limitExceeded)
        #expect(decision.rejection?.field == "category")
    }
}
