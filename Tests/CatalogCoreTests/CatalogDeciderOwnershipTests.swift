import CatalogCore
import Contracts
import Foundation
import Testing

/// Who may change what: only the owner company with a catalog role, or a platform operator.
@Suite struct CatalogDeciderOwnershipTests {
    typealias T = TestData
    let productOfA = T.product("P-A", supplier: T.supplierA)
    var records: CatalogRecords {
        CatalogRecords(products: [productOfA], priceLists: [T.priceList("PL-A", rules: [])],
                       shops: [Shop(distributor: T.distributor, name: "Shop", listings: [], revision: 1, updatedAt: T.day(0))])
    }

    @Test func supplierCanEditItsOwnProduct() {
        let decision = T.decide(T.upsert(productOfA, name: "Renamed"), records)
        #expect(decision.product?.name == "Renamed")
        #expect(decision.product?.revision == 2)
    }

    @Test func supplierCannotEditAnotherSuppliersProduct() {
        // Supplier B claims to be the supplier: the command is keyed by B, but the product is A's.
        let command = UpsertProduct(actor: T.actor(T.supplierB), product: productOfA.id, supplier: T.supplierB,
                                    name: "Hijacked", categoryPath: ["X"], skus: productOfA.skus)
        let rejection = T.decide(.upsertProduct(command), records).rejection
        #expect(rejection?.code == .forbidden)
        #expect(rejection?.field == "product")
        // Supplier B names A as the supplier: its company is not A.
        let rejectionAsA = T.decide(T.upsert(productOfA, actor: T.actor(T.supplierB), name: "Hijacked"), records).rejection
        #expect(rejectionAsA?.code == .forbidden)
        #expect(rejectionAsA?.field == "supplier")
    }

    @Test func distributorCannotEditProducts() {
        let decision = T.decide(T.upsert(productOfA, actor: T.actor(T.distributor), name: "Cheaper"), records)
        #expect(decision.rejection?.code == .forbidden)
        let status = SetProductStatus(actor: T.actor(T.distributor), product: productOfA.id, supplier: T.supplierA,
                                      status: .delisted)
        #expect(T.decide(.setProductStatus(status), records).rejection?.code == .forbidden)
    }

    @Test(arguments: [[String](), ["buyer"], ["purchaser", "approver"]])
    func buyerWithoutCatalogRole_cannotChangeAnything(_ roles: [String]) {
        let buyer = T.actor(T.supplierA, roles)
        let commands: [CatalogCommand] = [
            T.upsert(productOfA, actor: buyer),
            .setProductStatus(SetProductStatus(actor: buyer, product: productOfA.id, supplier: T.supplierA, status: .delisted)),
            .importProducts(ImportProducts(actor: buyer, supplier: T.supplierA, csv: "")),
            .upsertPriceList(UpsertPriceList(actor: buyer, priceList: T.id("PL-A"), owner: T.supplierA, name: "x",
                                             currency: .cny, rules: [])),
            .listInShop(ListInShop(actor: T.actor(T.distributor, roles), distributor: T.distributor, supplier: T.supplierA,
                                   skus: [T.id("P-A-S1")], pricing: .markup(basisPoints: 0))),
            .unlistFromShop(UnlistFromShop(actor: T.actor(T.distributor, roles), distributor: T.distributor,
                                           skus: [T.id("P-A-S1")])),
        ]
        for command in commands {
            let rejection = T.decide(command, records).rejection
            #expect(rejection?.code == .forbidden, "\(command.messageType)")
            #expect(rejection?.field == "actor.roles", "\(command.messageType)")
        }
    }

    @Test func companyAdminRole_mayEditTheCatalogToo() {
        let admin = T.actor(T.supplierA, [CatalogActor.companyAdminRole])
        #expect(T.decide(T.upsert(productOfA, actor: admin, name: "By admin"), records).product != nil)
    }

    @Test func platformOperator_mayEditAnySuppliersProduct() {
        let decision = T.decide(T.upsert(productOfA, actor: T.operatorActor, name: "Fixed by operator"), records)
        #expect(decision.product?.name == "Fixed by operator")
        #expect(decision.product?.supplier == T.supplierA)
    }

    @Test func distributorCannotChangeAnotherDistributorsShop() {
        let command = ListInShop(actor: T.actor(T.id("DIST-2")), distributor: T.distributor, supplier: T.supplierA,
                                 skus: [T.id("P-A-S1")], pricing: .markup(basisPoints: 100))
        let rejection = T.decide(.listInShop(command), records).rejection
        #expect(rejection?.code == .forbidden)
        #expect(rejection?.field == "distributor")
    }

    @Test func supplierCannotTakeOverAnotherSuppliersPriceList() {
        let command = UpsertPriceList(actor: T.actor(T.supplierB), priceList: T.id("PL-A"), owner: T.supplierB,
                                      name: "Mine now", currency: .cny, rules: [])
        let rejection = T.decide(.upsertPriceList(command), records).rejection
        #expect(rejection?.code == .forbidden)
        #expect(rejection?.field == "priceList")
    }

    @Test func importForAnotherSupplier_isRefusedWhole() {
        let command = ImportProducts(actor: T.actor(T.supplierB), supplier: T.supplierA, csv: "product_id\n")
        #expect(T.decide(.importProducts(command), records).rejection?.code == .forbidden)
    }
}
