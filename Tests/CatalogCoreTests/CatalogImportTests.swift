import CatalogCore
import Contracts
import Foundation
import Testing

@Suite struct CatalogImportTests {
    typealias T = TestData
    static let header = CatalogCSVTests.header

    func importing(_ rows: [String], into records: CatalogRecords = CatalogRecords(), header: String = header,
                   supplier: CompanyID = T.supplierA, id: String = "cmd-imp") -> CatalogDecision {
        let csv = ([header] + rows).joined(separator: "\n")
        return T.decide(.importProducts(ImportProducts(actor: T.actor(supplier), supplier: supplier, csv: csv)), records, id: id)
    }

    func products(_ decision: CatalogDecision) -> [Product] {
        decision.events.compactMap { if case let .productChanged(product) = $0 { product } else { nil } }
    }

    @Test func importsGoodRows_andReportsTheBadOnes() throws {
        let decision = importing([
            "TEA-1,龙井,Beverages > Tea,TEA-1-250G,box,1,10,12.50,CNY,spec=250g,listed",
            "TEA-1,龙井,Beverages > Tea,TEA-1-1KG,box,1,1,45.00,CNY,spec=1kg,listed",
            "TEA-2,Oolong,Beverages > Tea,TEA-2-1,box,1,1,oops,CNY,,",
            "TEA-3,\"Pu'er, aged\",Beverages > Tea,TEA-3-1,box,1,1,88.00,CNY,,draft",
        ])
        let imported = products(decision)
        #expect(imported.map(\.id.rawValue) == ["TEA-1", "TEA-3"])
        #expect(imported[0].skus.map(\.sku.rawValue) == ["TEA-1-250G", "TEA-1-1KG"])
        #expect(imported[0].status == .listed)
        #expect(imported[1].name == "Pu'er, aged")
        #expect(imported[1].status == .draft)
        let report = try #require(decision.report)
        #expect(report.rowsTotal == 4)
        #expect(report.rowsAccepted == 3)
        #expect(report.productsChanged == 2)
        #expect(report.errors.map { "\($0.line):\($0.field)" } == ["4:base_price"])
        #expect(report.recordKey == "import:cmd-imp")
        #expect(decision.outcome == .imported(report))
        #expect(decision.events.last == .productsImported(report))
    }

    @Test func mergesIntoExistingProducts_keepingSKUsAndFieldsTheFileDoesNotMention() throws {
        let existing = Product(id: T.id("TEA-1"), supplier: T.supplierA, name: "Old name", description: "Kept",
                               brand: "Kept brand", categoryPath: ["Tea"], attributes: ["origin": "Hangzhou"],
                               media: [MediaReference(kind: .image, url: "https://cdn.example/tea.jpg")],
                               skus: [T.sku("TEA-1-250G", price: 10_00, floor: 12_00), T.sku("TEA-1-KEEP")],
                               status: .listed, revision: 5, updatedAt: T.day(1))
        let decision = importing(["TEA-1,New name,Tea,TEA-1-250G,box,1,1,11.00,CNY,,"],
                                 into: CatalogRecords(products: [existing]))
        let product = try #require(products(decision).first)
        #expect(product.name == "New name")
        #expect(product.description == "Kept")
        #expect(product.brand == "Kept brand")
        #expect(product.attributes == ["origin": "Hangzhou"])
        #expect(product.media == existing.media)
        #expect(product.status == .listed)
        #expect(product.revision == 6)
        #expect(product.skus.map(\.sku.rawValue) == ["TEA-1-250G", "TEA-1-KEEP"])
        #expect(product.skus[0].basePrice == T.cny(11_00))
        #expect(product.skus[0].minimumResalePrice == T.cny(12_00))
    }

    @Test func rowWhoseSKUBelongsToAnotherProduct_failsAlone() throws {
        let other = T.product("OTHER", skus: [T.sku("TAKEN")])
        let decision = importing(["P1,n,A,TAKEN,box,1,1,1.00,CNY,,", "P1,n,A,FREE,box,1,1,1.00,CNY,,"],
                                 into: CatalogRecords(products: [other]))
        #expect(products(decision).first?.skus.map(\.sku.rawValue) == ["FREE"])
        #expect(decision.report?.errors == [RowError(line: 2, field: "sku", message: "SKU TAKEN already belongs to product OTHER")])
    }

    @Test func rowWhoseSKUDiffersFromAnotherProductsOnlyInCase_failsAlone() throws {
        let other = T.product("OTHER", skus: [T.sku("TAKEN-1")])
        let decision = importing(["P1,n,A,taken-1,box,1,1,1.00,CNY,,", "P1,n,A,FREE,box,1,1,1.00,CNY,,"],
                                 into: CatalogRecords(products: [other]))
        #expect(products(decision).first?.skus.map(\.sku.rawValue) == ["FREE"])
        #expect(decision.report?.errors == [RowError(
            line: 2, field: "sku", message: "SKU taken-1 differs only in letter case from SKU TAKEN-1 of product OTHER")])
    }

    @Test func productOfAnotherSupplier_failsAllItsRows() {
        let foreign = T.product("P1", supplier: T.supplierB)
        let decision = importing(["P1,n,A,P1-S1,box,1,1,1.00,CNY,,", "P1,n,A,P1-S2,box,1,1,1.00,CNY,,"],
                                 into: CatalogRecords(products: [foreign]))
        #expect(products(decision).isEmpty)
        #expect(decision.report?.errors.map { "\($0.line):\($0.field)" } == ["2:product_id", "3:product_id"])
    }

    @Test func disallowedStatusChange_failsTheProductsRows() {
        let listed = T.product("P1", skus: [T.sku("P1-S1")], status: .listed)
        let decision = importing(["P1,n,A,P1-S1,box,1,1,1.00,CNY,,draft"], into: CatalogRecords(products: [listed]))
        #expect(products(decision).isEmpty)
        #expect(decision.report?.errors.first?.field == "status")
        #expect(decision.report?.rowsAccepted == 0)
    }

    @Test func unchangedRows_countAsAccepted_butPublishNoProduct() throws {
        let first = importing(["P1,n,A,P1-S1,box,1,1,1.00,CNY,,"])
        let product = try #require(products(first).first)
        let again = importing(["P1,n,A,P1-S1,box,1,1,1.00,CNY,,"], into: CatalogRecords(products: [product]), id: "cmd-2")
        #expect(products(again).isEmpty)
        #expect(again.report?.rowsAccepted == 1)
        #expect(again.report?.productsChanged == 0)
    }

    @Test func replayedImport_yieldsTheSameReport_andNoProductEvents() throws {
        let first = importing(["P1,n,A,P1-S1,box,1,1,1.00,CNY,,", "P2,m,A,P2-S1,box,1,1,x,CNY,,"])
        var state = CatalogState()
        for event in first.events { state.apply(event) }
        let replay = importing(["P1,n,A,P1-S1,box,1,1,1.00,CNY,,", "P2,m,A,P2-S1,box,1,1,x,CNY,,"], into: state.records)
        #expect(products(replay).isEmpty)
        #expect(replay.report == first.report)
    }

    @Test func badHeader_isReported_notRejected() throws {
        let decision = importing([], header: "product_id,title")
        let report = try #require(decision.report)
        #expect(report.rowsTotal == 0)
        #expect(report.errors.contains { $0.line == 1 && $0.field == "title" })
    }

    @Test func refusesCSV_largerThan1MiB() {
        let big = String(repeating: "x", count: ImportProducts.maximumCSVBytes + 1)
        let decision = T.decide(.importProducts(ImportProducts(actor: T.actor(T.supplierA), supplier: T.supplierA, csv: big)))
        #expect(decision.rejection?.code == .limitExceeded)
        #expect(decision.rejection?.field == "csv")
    }

    @Test func listsAtMost1000Errors_andCountsTheRest() throws {
        let rows = (0..<1_200).map { "P\($0),n,A,S\($0),box,1,1,bad,CNY,," }
        let report = try #require(importing(rows).report)
        #expect(report.errors.count == ImportReport.maximumListedErrors)
        #expect(report.errorsOmitted == 200)
        #expect(report.rowsAccepted == 0)
    }
}
