import CatalogCore
import Contracts
import Foundation
import Testing

@Suite struct CatalogSearchTests {
    typealias T = TestData
    static let products = [
        T.product("GREEN", name: "West Lake Longjing 西湖龙井", category: ["Beverages", "Tea", "Green tea"],
                  skus: [T.sku("LJ-250", price: 128_00, attributes: ["spec": "250g"]),
                         T.sku("LJ-1KG", price: 480_00, attributes: ["spec": "1kg"])],
                  description: "Pan-fired green tea from Hangzhou", brand: "Shifeng", attributes: ["origin": "杭州"]),
        T.product("BLACK", name: "Keemun Black Tea 祁门红茶", category: ["Beverages", "Tea", "Black tea"],
                  skus: [T.sku("KM-250", price: 98_00, attributes: ["spec": "250g"])], attributes: ["origin": "祁门"]),
        T.product("COFFEE", name: "Yunnan Coffee Beans", category: ["Beverages", "Coffee"],
                  skus: [T.sku("YN-1KG", price: 150_00)], description: "Goes well with green tea desserts"),
        T.product("DRAFT", name: "Secret Green Tea", category: ["Beverages", "Tea"], skus: [T.sku("SECRET-1")], status: .draft),
        T.product("B-TEA", supplier: T.supplierB, name: "Jasmine Tea 茉莉花茶", category: ["Beverages", "Tea"],
                  skus: [T.sku("JS-500", price: 60_00)]),
        T.product("USD", name: "Imported Tea", category: ["Beverages", "Tea"], skus: [T.sku("US-1", price: 20_00, currency: .usd)]),
        T.product("LATER", name: "Autumn Tea", category: ["Beverages", "Tea"], skus: [T.sku("AU-1")], status: .draft,
                  listAt: T.day(12)),
    ]
    let search = CatalogSearch(products: products)

    func skus(_ query: SearchQuery, at now: Date = T.now, stock: [SKU: Int64] = [:]) -> [String] {
        search.search(query, now: now, stock: stock).hits.map(\.sku.rawValue)
    }

    @Test func findsByKeyword_caseInsensitively_inNameDescriptionAndAttributes() {
        #expect(skus(SearchQuery(keyword: "LONGJING")) == ["LJ-1KG", "LJ-250"])
        #expect(skus(SearchQuery(keyword: "hangzhou")) == ["LJ-1KG", "LJ-250"])  // description
        #expect(skus(SearchQuery(keyword: "1kg")) == ["LJ-1KG", "YN-1KG"])      // attribute and SKU id
        #expect(skus(SearchQuery(keyword: "shifeng")) == ["LJ-1KG", "LJ-250"])   // brand
    }

    @Test func findsChineseText_bySubstring() {
        #expect(skus(SearchQuery(keyword: "龙井")) == ["LJ-1KG", "LJ-250"])
        #expect(skus(SearchQuery(keyword: "红茶")) == ["KM-250"])
        #expect(skus(SearchQuery(keyword: "杭州")) == ["LJ-1KG", "LJ-250"])
        #expect(skus(SearchQuery(keyword: "茶")) == ["JS-500", "KM-250"])  // 花茶 and 红茶; 龙井 has no 茶
    }

    @Test func requiresEveryWord_andRanksNameMatchesFirst() {
        let results = search.search(SearchQuery(keyword: "green tea"), now: T.now)
        // Longjing has "green tea" in its category and description; the coffee only in its description.
        #expect(results.hits.map(\.sku.rawValue) == ["LJ-1KG", "LJ-250", "YN-1KG"])
        #expect(results.hits.first?.score ?? 0 > results.hits.last?.score ?? 0)
        #expect(skus(SearchQuery(keyword: "green nothing-like-this")).isEmpty)
    }

    @Test func showsOnlyListedProducts_unlessAskedOtherwise_countingDueSchedules() {
        #expect(!skus(SearchQuery(keyword: "secret")).contains("SECRET-1"))
        #expect(skus(SearchQuery(keyword: "secret", statuses: [.draft])) == ["SECRET-1"])
        #expect(skus(SearchQuery(keyword: "autumn")).isEmpty)
        #expect(skus(SearchQuery(keyword: "autumn"), at: T.day(12)) == ["AU-1"])
    }

    @Test func filtersByCategoryPrefix_supplierAndAttributes() {
        #expect(skus(SearchQuery(categoryPrefix: ["Beverages", "Coffee"])) == ["YN-1KG"])
        #expect(skus(SearchQuery(categoryPrefix: ["Beverages", "Tea"], supplier: T.supplierB)) == ["JS-500"])
        #expect(skus(SearchQuery(attributes: ["spec": "250g"])) == ["KM-250", "LJ-250"])
        #expect(skus(SearchQuery(attributes: ["spec": "250g", "origin": "杭州"])) == ["LJ-250"])
        #expect(skus(SearchQuery(categoryPrefix: ["Bev"])).isEmpty)
    }

    @Test func filtersByBasePriceRange_inOneCurrency() {
        let query = SearchQuery(minimumPrice: T.cny(98_00), maximumPrice: T.cny(150_00), sort: .priceAscending)
        #expect(skus(query) == ["KM-250", "LJ-250", "YN-1KG"])
        #expect(skus(SearchQuery(maximumPrice: T.usd(100_00))) == ["US-1"])
    }

    @Test func filtersInStockOnly_byTheGivenStock() {
        let stock: [SKU: Int64] = [T.id("LJ-250"): 5, T.id("LJ-1KG"): 0, T.id("KM-250"): 1]
        #expect(skus(SearchQuery(inStockOnly: true), stock: stock) == ["KM-250", "LJ-250"])
        let viaClosure = search.search(SearchQuery(inStockOnly: true), now: T.now) { $0.rawValue == "YN-1KG" ? 3 : nil }
        #expect(viaClosure.hits.map(\.sku.rawValue) == ["YN-1KG"])
    }

    @Test func sortsByNameOrPrice() {
        #expect(skus(SearchQuery(sort: .name)) == ["US-1", "JS-500", "KM-250", "LJ-1KG", "LJ-250", "YN-1KG"])
        #expect(skus(SearchQuery(categoryPrefix: ["Beverages"], minimumPrice: T.cny(1), sort: .priceDescending))
            == ["LJ-1KG", "YN-1KG", "LJ-250", "KM-250", "JS-500"])
    }

    @Test func paginates_withTheTotalOfAllMatches() {
        let all = skus(SearchQuery(sort: .name, pageSize: 100))
        var paged: [String] = []
        for page in 1...3 {
            let results = search.search(SearchQuery(sort: .name, page: page, pageSize: 2), now: T.now)
            #expect(results.total == 6)
            #expect(results.page == page)
            paged += results.hits.map(\.sku.rawValue)
        }
        #expect(paged == all)
        #expect(search.search(SearchQuery(sort: .name, page: 4, pageSize: 2), now: T.now).hits.isEmpty)
        let relevance = search.search(SearchQuery(keyword: "tea", page: 2, pageSize: 3), now: T.now)
        #expect(relevance.total == 6)
        #expect(relevance.hits.count == 3)
    }

    @Test func clampsPageSizeTo100_andPageTo1() {
        let results = search.search(SearchQuery(page: 0, pageSize: 1_000), now: T.now)
        #expect(results.pageSize == 100)
        #expect(results.page == 1)
        #expect(search.search(SearchQuery(pageSize: 0), now: T.now).pageSize == 1)
    }

    @Test func substringMatching_handlesRepeatsAndEdges() {
        let index = CatalogSearch(products: [T.product("P1", name: "aaab 龙龙井", description: "ends with xyz")])
        for (keyword, found) in [("aab", true), ("aaab", true), ("aaaab", false), ("xyz", true), ("xyzz", false),
                                 ("龙井", true), ("龙龙龙", false), ("b 龙", true), ("P1-S1", true)] {
            #expect((index.search(SearchQuery(keyword: keyword), now: T.now).total == 1) == found, "\(keyword)")
        }
    }
}
