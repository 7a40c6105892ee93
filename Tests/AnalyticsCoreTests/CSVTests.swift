import AnalyticsCore
import Contracts
import Foundation
import Testing

@Suite struct CSVTests {
    @Test func quotesCells_asRFC4180Requires() {
        var state = AnalyticsState()
        state.apply(T.placed("O1", buyer: T.acme, at: T.at(), region: "CN \"East\", zone 1", [
            T.Line(sku: "TEA-1", supplier: T.tea, category: ["Tea\nand more"], quantity: 2, unitPrice: 1_50),
        ]), envelopeId: T.id("e1"))
        state.apply(T.confirmed("O1", buyer: T.acme, at: T.at(), amount: 3_00), envelopeId: T.id("e2"))
        let csv = AnalyticsCSV.export(state.snapshot(for: .platform, asOf: T.at(hours: 1)), section: .breakdowns)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.first == "role,dimension,key,orders,units,gmv CNY")
        #expect(lines.contains("platform,region,\"CN \"\"East\"\", zone 1\",1,2,3.00"))
        #expect(csv.contains("platform,category,\"Tea\nand more\",1,2,3.00\r\n"))
        #expect(csv.hasSuffix("\r\n"))
    }

    @Test func exportsEverySection_withOneHeaderAndARolePerRow() {
        let snapshot = Scenario.fold().snapshot(for: .company(T.tea), asOf: T.at(days: 100))
        for section in AnalyticsCSV.Section.allCases {
            let lines = AnalyticsCSV.export(snapshot, section: section).split(separator: "\r\n")
            #expect(lines.first?.hasPrefix("role,") == true, "\(section)")
            #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("supplier,") }, "\(section)")
        }
        let funnel = AnalyticsCSV.export(snapshot, section: .funnel)
        #expect(funnel.hasPrefix("role,stage,orders\r\nsupplier,placed,3\r\nsupplier,approved,3\r\n"))
        let stock = AnalyticsCSV.export(snapshot, section: .stock)
        #expect(stock.contains("supplier,top,TEA-1,11,100,0,11,89,"))
        let shipping = AnalyticsCSV.export(snapshot, section: .shipping)
        #expect(shipping.contains("supplier,SUP-TEA,2,2,100.00\r\n"))
        let totals = AnalyticsCSV.export(snapshot, section: .totals)
        #expect(totals.contains("supplier,3,14,1250.00,416.67,,\r\n"))
    }
}
