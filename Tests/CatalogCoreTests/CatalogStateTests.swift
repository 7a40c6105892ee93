import CatalogCore
import Contracts
import Foundation
import Testing

@Suite struct CatalogStateTests {
    typealias T = TestData

    /// `state.apply` for use inside `#expect`, which cannot call a mutating method directly.
    func apply(_ state: inout CatalogState, _ event: CatalogEvent) -> Bool {
        state.apply(event)
    }

    @Test func keepsTheLatestRevision_andIgnoresReplaysAndOlderRecords() {
        var state = CatalogState()
        #expect(apply(&state, .productChanged(T.product("P1", name: "v2", revision: 2))))
        #expect(!apply(&state, .productChanged(T.product("P1", name: "v1", revision: 1))))
        #expect(!apply(&state, .productChanged(T.product("P1", name: "v2 again", revision: 2))))
        #expect(state.products[T.id("P1")]?.name == "v2")
        #expect(apply(&state, .priceListChanged(T.priceList("PL-1", rules: []))))
        #expect(!apply(&state, .priceListChanged(T.priceList("PL-1", rules: []))))
        let shop = Shop(distributor: T.distributor, name: "s", listings: [], revision: 1, updatedAt: T.now)
        #expect(apply(&state, .shopChanged(shop)))
        #expect(!apply(&state, .shopChanged(shop)))
        #expect(!apply(&state, .productsImported(ImportReport(commandId: T.id("c"), actor: T.actor(T.supplierA),
                                                            supplier: T.supplierA, rowsTotal: 0, rowsAccepted: 0,
                                                            productsChanged: 0, errors: []))))
    }

    @Test func indexesSKUs_andPriceListsByOwner() {
        var state = CatalogState()
        state.apply(.productChanged(T.product("P1", skus: [T.sku("A"), T.sku("B")])))
        state.apply(.productChanged(T.product("P1", skus: [T.sku("B"), T.sku("C")], revision: 2)))
        #expect(state.records.productIDsBySKU == [T.id("B"): T.id("P1"), T.id("C"): T.id("P1")])
        #expect(state.records.product(owning: T.id("C"))?.sku.sku == T.id("C"))
        state.apply(.priceListChanged(T.priceList("PL-2", rules: [])))
        state.apply(.priceListChanged(T.priceList("PL-1", rules: [])))
        state.apply(.priceListChanged(T.priceList("PL-B", owner: T.supplierB, rules: [])))
        #expect(state.records.priceLists(ownedBy: T.supplierA).map(\.id.rawValue) == ["PL-1", "PL-2"])
    }

    @Test func derivesTheCategoryTree_withCountsPerNode() throws {
        var state = CatalogState()
        state.apply(.productChanged(T.product("GREEN", category: ["Beverages", "Tea", "Green tea"])))
        state.apply(.productChanged(T.product("BLACK", category: ["Beverages", "Tea", "Black tea"], status: .draft)))
        state.apply(.productChanged(T.product("COFFEE", category: ["Beverages", "Coffee"])))
        state.apply(.productChanged(T.product("NUTS", category: ["Snacks"])))
        let tree = state.categories
        #expect(tree.roots.map(\.name) == ["Beverages", "Snacks"])
        #expect(tree.node(at: [])?.productCount == 4)
        let beverages = try #require(tree.node(at: ["Beverages"]))
        #expect(beverages.productCount == 3)
        #expect(beverages.listedProductCount == 2)
        #expect(beverages.children == ["Coffee", "Tea"])
        #expect(tree.children(of: ["Beverages", "Tea"]).map(\.name) == ["Black tea", "Green tea"])
        #expect(tree.node(at: ["Beverages", "Tea"])?.listedProductCount == 1)

        // Moving the only coffee to another category removes the empty node.
        state.apply(.productChanged(T.product("COFFEE", category: ["Beverages", "Tea", "Green tea"], revision: 2)))
        #expect(state.categories.node(at: ["Beverages", "Coffee"]) == nil)
        #expect(state.categories.node(at: ["Beverages"])?.children == ["Tea"])
        #expect(state.categories.node(at: ["Beverages", "Tea", "Green tea"])?.productCount == 2)
        #expect(state.categories.node(at: ["Beverages"])?.productCount == 3)
    }

    @Test func foldingTheDecisionsEvents_givesTheRecordsTheNextDecisionReads() throws {
        var state = CatalogState()
        let created = T.decide(T.upsert(T.product("P1", status: .draft)), state.records)
        for event in created.events { #expect(apply(&state, event)) }
        let listed = T.decide(.setProductStatus(SetProductStatus(actor: T.actor(T.supplierA), product: T.id("P1"),
                                                                 supplier: T.supplierA, status: .listed)),
                              state.records, id: "cmd-2")
        for event in listed.events { #expect(apply(&state, event)) }
        #expect(state.products[T.id("P1")]?.status == .listed)
        #expect(state.products[T.id("P1")]?.revision == 2)
        #expect(state.categories.node(at: ["Beverages"])?.listedProductCount == 1)
        #expect(CatalogState(events: created.events + listed.events) == state)
    }
}
