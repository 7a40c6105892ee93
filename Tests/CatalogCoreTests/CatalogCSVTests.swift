import CatalogCore
import Contracts
import Foundation
import Testing

@Suite struct CatalogCSVTests {
    typealias T = TestData
    static let header = "product_id,name,category,sku,unit,pack_size,moq,base_price,currency,attributes,status"

    func csv(_ rows: String...) -> String {
        ([Self.header] + rows).joined(separator: "\n")
    }

    @Test func parsesRows_andGroupsSKUsByProduct() throws {
        let (drafts, errors) = CatalogCSV.parse(csv(
            "TEA-1,Longjing,Beverages > Tea > Green tea,TEA-1-250G,box,1,10,12.50,CNY,spec=250g;origin=Hangzhou,listed",
            "TEA-1,Longjing,Beverages > Tea > Green tea,TEA-1-1KG,box,4,8,45,CNY,spec=1kg,listed"))
        #expect(errors.isEmpty)
        #expect(drafts.count == 2)
        let first = try #require(drafts.first)
        #expect(first.line == 2)
        #expect(first.productId == T.id("TEA-1"))
        #expect(first.categoryPath == ["Beverages", "Tea", "Green tea"])
        #expect(first.status == .listed)
        #expect(first.sku == ProductSKU(sku: T.id("TEA-1-250G"), attributes: ["spec": "250g", "origin": "Hangzhou"],
                                        unit: "box", packSize: 1, minimumOrderQuantity: 10, basePrice: T.cny(12_50)))
        #expect(drafts[1].sku.basePrice == T.cny(45_00))
        #expect(first.optionalColumns.isEmpty)
    }

    @Test func readsQuotedCommas_quotes_lineBreaks_andChineseText() throws {
        let (drafts, errors) = CatalogCSV.parse(csv(
            "P-CN,\"西湖龙井, 特级 \"\"明前\"\"\",饮料 > 茶叶 > 绿茶,CN-1,盒,1,1,\"1,5\",CNY,规格=250克,",
            "P-ML,\"Two\nlines\",A,ML-1,box,1,1,2.00,CNY,,draft"))
        #expect(errors.map(\.field) == ["base_price"])  // "1,5" is not a decimal with a point
        #expect(errors.first?.line == 2)
        let row = try #require(drafts.first)
        #expect(row.name == "Two\nlines")
        #expect(row.line == 3)
        let fixed = CatalogCSV.parse(csv("P-CN,\"西湖龙井, 特级 \"\"明前\"\"\",饮料 > 茶叶 > 绿茶,CN-1,盒,1,1,1.50,CNY,规格=250克,"))
        let chinese = try #require(fixed.drafts.first)
        #expect(chinese.name == "西湖龙井, 特级 \"明前\"")
        #expect(chinese.categoryPath == ["饮料", "茶叶", "绿茶"])
        #expect(chinese.sku.unit == "盒")
        #expect(chinese.sku.attributes == ["规格": "250克"])
        #expect(chinese.status == nil)
    }

    @Test func reportsEveryBadRow_byLineAndColumn_andKeepsTheGoodOnes() {
        let (drafts, errors) = CatalogCSV.parse(csv(
            "P1,Good,A,S1,box,1,1,1.00,CNY,,",
            "P2,Bad price,A,S2,box,1,1,12.345,CNY,,",
            "P3,Bad currency,A,S3,box,1,1,1.00,XYZ,,",
            "P4,Short row,A,S4,box,1,1",
            "P5,Zero pack,A,S5,box,0,abc,1.00,CNY,,",
            "P6,Odd moq,A,S6,box,6,10,1.00,CNY,,",
            "P7,Duplicate SKU,A,S1,box,1,1,1.00,CNY,,",
            "P8,Bad status,A,S8,box,1,1,1.00,CNY,,sold",
            "P9,Bad attrs,A,S9,box,1,1,1.00,CNY,color,",
            "P10,Negative,A,S10,box,1,1,-1.00,CNY,,",
            "P11,Fine too,A,S11,box,1,1,3,JPY,,"))
        #expect(drafts.map(\.productId.rawValue) == ["P1", "P11"])
        let found = errors.map { "\($0.line):\($0.field)" }
        #expect(found == ["3:base_price", "4:currency", "5:row", "6:moq", "6:pack_size", "7:moq", "8:sku", "9:status",
                          "10:attributes", "11:base_price"])
        #expect(errors[0].message == "base_price: invalid amount: \"12.345\" has more than 2 decimal places for CNY")
        #expect(errors[1].message == "currency: unsupported currency XYZ")
        #expect(errors[2].message == "expected 11 cells like the header, got 7")
        #expect(errors[6].message == "SKU S1 already appears on line 2")
    }

    @Test func refusesHeader_withMissingOrUnknownColumns() {
        let missing = CatalogCSV.parse("product_id,name,sku\nP1,n,S1")
        #expect(missing.drafts.isEmpty)
        #expect(missing.errors.map(\.field) == ["category", "unit", "pack_size", "moq", "base_price", "currency",
                                                "attributes", "status"])
        #expect(missing.errors.allSatisfy { $0.line == 1 && $0.message.hasPrefix("missing column") })
        let unknown = CatalogCSV.parse(Self.header + ",colour\n")
        #expect(unknown.errors.map(\.field) == ["colour"])
        #expect(CatalogCSV.parse("").errors.map(\.field) == ["header"])
    }

    @Test func refusesRows_thatDisagreeOnTheirProduct() {
        let (drafts, errors) = CatalogCSV.parse(csv(
            "P1,Tea,A > B,S1,box,1,1,1.00,CNY,,listed",
            "P1,Tee,A > B,S2,box,1,1,1.00,CNY,,listed",
            "P1,Tea,A > C,S3,box,1,1,1.00,CNY,,draft"))
        #expect(drafts.map(\.sku.sku.rawValue) == ["S1"])
        #expect(errors.map { "\($0.line):\($0.field)" } == ["3:name", "4:category", "4:status"])
        #expect(errors[0].message == "name of product P1 differs from line 2")
    }

    @Test func reportsAnUnclosedQuote_onTheRowWhereItOpens() {
        let (drafts, errors) = CatalogCSV.parse(csv("P1,Tea,A,S1,box,1,1,1.00,CNY,,", "P2,\"Tea,A,S2,box,1,1,1.00,CNY,,"))
        #expect(drafts.count == 1)
        #expect(errors == [RowError(line: 3, field: "row", message: "the quoted cell opened on line 3 is never closed")])
    }

    @Test func readsCRLF_BOM_blankLines_andColumnsInAnyOrder() throws {
        let text = "\u{FEFF}status,currency,base_price,moq,pack_size,unit,sku,category,name,product_id,attributes\r\n"
            + "\r\n listed , CNY ,9.90,2,2,bag,S1,Snacks,Chips,P1,\r\n"
        let (drafts, errors) = CatalogCSV.parse(text)
        #expect(errors.isEmpty)
        let row = try #require(drafts.first)
        #expect(row.line == 3)
        #expect(row.status == .listed)
        #expect(row.sku.basePrice == T.cny(9_90))
    }

    @Test func readsAtMost10000Rows() {
        var limits = CatalogLimits()
        limits.maximumImportRows = 3
        let (drafts, errors) = CatalogCSV.parse(csv(
            "P1,n,A,S1,box,1,1,1.00,CNY,,", "P1,n,A,S2,box,1,1,1.00,CNY,,", "P1,n,A,S3,box,1,1,1.00,CNY,,",
            "P1,n,A,S4,box,1,1,1.00,CNY,,", "P1,n,A,S5,box,1,1,1.00,CNY,,"), limits: limits)
        #expect(drafts.count == 3)
        #expect(errors.map(\.line) == [5])
        #expect(CatalogLimits.standard.maximumImportRows == 10_000)
    }

    @Test func exportRoundTripsThroughParse() throws {
        let tricky = Product(
            id: T.id("P-CN"), supplier: T.supplierA, name: "西湖龙井, \"明前\" 特级", description: "Line one\nline two, with comma",
            brand: "狮峰", categoryPath: ["饮料", "茶叶", "绿茶"],
            attributes: ["产地": "杭州", "grade=a;b": "x\\y"], media: [],
            skus: [
                ProductSKU(sku: T.id("CN-250G"), attributes: ["规格": "250克", "note": " padded "], unit: "盒", packSize: 2,
                           minimumOrderQuantity: 10, basePrice: T.cny(128_50), minimumResalePrice: T.cny(150_00),
                           barcode: "6901234567892"),
                ProductSKU(sku: T.id("CN-1KG"), unit: "盒", packSize: 1, minimumOrderQuantity: 1, basePrice: T.cny(480_00)),
            ],
            status: .listed, revision: 3, updatedAt: T.now)
        let yen = T.product("P-JP", name: "=Matcha @A", category: ["Tea"], skus: [T.sku("JP-1", price: 1_200, currency: .jpy)],
                            status: .delisted)
        let text = CatalogCSV.export([tricky, yen])
        let (drafts, errors) = CatalogCSV.parse(text)
        #expect(errors.isEmpty)
        #expect(drafts.map(\.sku) == tricky.skus + yen.skus)
        for draft in drafts {
            let product = draft.productId == tricky.id ? tricky : yen
            #expect(draft.name == product.name)
            #expect(draft.categoryPath == product.categoryPath)
            #expect(draft.status == product.status)
            #expect(draft.description == product.description)
            #expect(draft.brand == product.brand)
            #expect(draft.productAttributes == product.attributes)
            #expect(draft.optionalColumns == Set(CatalogCSV.optionalColumns))
        }
        #expect(text.hasPrefix(CatalogCSV.requiredColumns.joined(separator: ",") + ","))
        #expect(CatalogCSV.export([tricky, yen]) == text)
    }
}
