import CatalogCore
import Contracts
import Foundation
import Testing

/// A product replaced without one of its SKUs keeps it as discontinued: no longer sold, still the
/// product's, so its stock stays the supplier's to manage and no other product takes the code.
@Suite struct DiscontinuedSKUTests {
    typealias T = TestData

    @Test func replacingAProductWithoutASKU_keepsItAsDiscontinued_notSold() throws {
        let product = T.product("P1", skus: [T.sku("P1-A"), T.sku("P1-B")])
        let next = try #require(T.decide(T.upsert(product, skus: [T.sku("P1-A")]), CatalogRecords(products: [product])).product)
        #expect(next.skus.map(\.sku) == [T.id("P1-A")])
        #expect(next.discontinuedSKUs == [T.id("P1-B")])

        let records = CatalogRecords(products: [next])
        #expect(records.product(owning: T.id("P1-B")) == nil)
        #expect(records.product(holding: T.id("P1-B"))?.id == T.id("P1"))
        #expect(records.product(holding: T.id("P1-A"))?.id == T.id("P1"))
    }

    @Test func aDiscontinuedSKU_cannotBeTakenByAnotherProduct() throws {
        let product = T.product("P1", skus: [T.sku("P1-A"), T.sku("P1-B")])
        let next = try #require(T.decide(T.upsert(product, skus: [T.sku("P1-A")]), CatalogRecords(products: [product])).product)
        let rejection = T.decide(T.upsert(T.product("P2"), skus: [T.sku("P1-B")]), CatalogRecords(products: [next])).rejection
        #expect(rejection?.code == .duplicateSKU)
        #expect(rejection?.field == "skus[0].sku")
        #expect(rejection?.message.contains("discontinued") == true)
    }

    @Test func sellingADiscontinuedSKUAgain_takesItOffTheList() throws {
        let product = T.product("P1", skus: [T.sku("P1-A"), T.sku("P1-B")])
        let dropped = try #require(T.decide(T.upsert(product, skus: [T.sku("P1-A")]), CatalogRecords(products: [product])).product)
        let back = try #require(T.decide(T.upsert(dropped, skus: [T.sku("P1-A"), T.sku("P1-B")]),
                                         CatalogRecords(products: [dropped]), id: "cmd-2").product)
        #expect(back.discontinuedSKUs.isEmpty)
        #expect(CatalogRecords(products: [back]).product(owning: T.id("P1-B")) != nil)
    }

    @Test func theListIsBounded_forgettingTheOldestFirst() throws {
        var limits = CatalogLimits()
        limits.maximumDiscontinuedSKUsPerProduct = 2
        let decider = CatalogDecider(limits: limits)
        var product = T.product("P1", skus: ["A", "B", "C", "D"].map { T.sku($0) })
        for (step, keep) in [["B", "C", "D"], ["C", "D"], ["D"]].enumerated() {
            let decision = decider.decide(T.command(T.upsert(product, skus: keep.map { T.sku($0) }), id: "cmd-\(step)"),
                                          current: CatalogRecords(products: [product]), now: T.now)
            product = try #require(decision.product)
        }
        #expect(product.discontinuedSKUs == [T.id("B"), T.id("C")])
    }

    @Test func aRecordWithoutDiscontinuedSKUs_readsAndWritesAsBefore() throws {
        let product = T.product("P1")
        let encoded = String(decoding: try WireFormat.encodeValue(product), as: UTF8.self)
        #expect(!encoded.contains("discontinuedSKUs"))
        let dropped = T.product("P1", skus: [T.sku("P1-A")])
        let withList = Product(id: dropped.id, supplier: dropped.supplier, name: dropped.name, categoryPath: dropped.categoryPath,
                               skus: dropped.skus, discontinuedSKUs: [T.id("P1-OLD")], status: .listed, revision: 2,
                               updatedAt: T.now)
        let data = try WireFormat.encodeValue(withList)
        #expect(String(decoding: data, as: UTF8.self).contains(#""discontinuedSKUs":["P1-OLD"]"#))
        #expect(try WireFormat.decodeValue(Product.self, from: data) == withList)
    }

    @Test func aCodeDifferingOnlyInLetterCase_fromAnotherProducts_isRefused() {
        let tea = T.product("P1", skus: [T.sku("P0003-1")])
        let rejection = T.decide(T.upsert(T.product("P2", supplier: T.supplierB), skus: [T.sku("p0003-1")]),
                                 CatalogRecords(products: [tea])).rejection
        #expect(rejection?.code == .duplicateSKU && rejection?.field == "skus[0].sku")
        #expect(rejection?.message.contains("differs only in letter case from SKU P0003-1 of product P1") == true)
        // The product's own codes may change case (a correction), and unrelated codes pass.
        #expect(T.decide(T.upsert(tea, skus: [T.sku("p0003-1")]), CatalogRecords(products: [tea])).product != nil)
        #expect(T.decide(T.upsert(T.product("P3"), skus: [T.sku("P0003-2")]), CatalogRecords(products: [tea])).product != nil)
    }
}
