import Contracts
import Foundation
@testable import GatewayService
import Testing

/// The search page's hand-written JSON says what its `Encodable` form says, for every field,
/// escapes included: a field added to `ProductPage.Item` but not to the writer shows up here.
@Suite struct ProductPageJSONTests {
    func item(name: String, attributes: [String: String], available: Int64?) throws -> ProductPage.Item {
        ProductPage.Item(product: try ProductID("P-TEA-01"), sku: try SKU("TEA-01-500G"), supplier: try CompanyID("sup-hangzhou"),
                         name: name, categoryPath: ["Food & Drink", "Tea \"green\""],
                         basePrice: Money(minorUnits: 12_345, currency: try Currency("CNY")), unit: "box",
                         minimumOrderQuantity: 12, attributes: attributes, available: available)
    }

    func parsed(_ bytes: [UInt8]) throws -> NSDictionary {
        try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? NSDictionary)
    }

    @Test func handWrittenPageEqualsTheEncodablePage() throws {
        let page = ProductPage(total: 41, page: 3, pageSize: 2, items: [
            try item(name: "龙井 Longjing \\ tab\t, newline\n, bell\u{7}, slash /", attributes: ["origin": "西湖", "grade": "A\"1", "z": ""],
                     available: 0),
            try item(name: "Plain", attributes: [:], available: nil),
        ])
        let encoded = try StreamingJSONEncoder().encode(page)
        #expect(try parsed(page.jsonBody) == parsed(encoded))
        // Leaving out `available` when unknown, as `Encodable` does, rather than writing null.
        let second = try #require((try parsed(page.jsonBody)["items"] as? [NSDictionary])?.last)
        #expect(second["available"] == nil)
        #expect(second.count == 9)
    }

    @Test func attributesAreWrittenInKeyOrder() throws {
        let page = ProductPage(total: 1, page: 1, pageSize: 20, items: [try item(name: "x", attributes: ["b": "2", "a": "1", "c": "3"], available: 5)])
        let text = String(decoding: page.jsonBody, as: UTF8.self)
        #expect(text.contains(#""attributes":{"a":"1","b":"2","c":"3"},"available":5}"#))
    }
}
