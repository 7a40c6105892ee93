import CatalogCore
import Contracts
import Foundation
import Testing

@Suite struct CatalogDeciderPriceListTests {
    typealias T = TestData
    let records = CatalogRecords(products: [
        T.product("P1", skus: [T.sku("TEA-1"), T.sku("TEA-2")]),
        T.product("P-USD", skus: [T.sku("USD-1", currency: .usd)]),
        T.product("P-B", supplier: T.supplierB, skus: [T.sku("B-1")]),
    ])

    func upsert(_ rules: [PriceRule], currency: Currency = .cny, id: String = "PL-1") -> CatalogDecision {
        T.decide(.upsertPriceList(UpsertPriceList(actor: T.actor(T.supplierA), priceList: T.id(id), owner: T.supplierA,
                                                  name: "Spring", currency: currency, rules: rules)), records)
    }

    func rule(_ terms: PriceRule.Terms, sku: String = "TEA-1", from: Date? = nil, until: Date? = nil) -> PriceRule {
        PriceRule(sku: T.id(sku), terms: terms, validFrom: from, validUntil: until)
    }

    @Test func createsPriceList_withEveryRuleKind() throws {
        let rules = [
            rule(.volumeTiers([VolumeTier(minimumQuantity: 1, unitPrice: T.cny(9_00)),
                               VolumeTier(minimumQuantity: 100, unitPrice: T.cny(8_00))])),
            rule(.customerTier(.gold, unitPrice: T.cny(8_50))),
            rule(.contract(buyer: T.buyer, unitPrice: T.cny(7_00)), until: T.day(365)),
            rule(.regional(region: "CN-EAST", unitPrice: T.cny(9_50)), sku: "TEA-2"),
            rule(.promotion(name: "双11", unitPrice: T.cny(6_00)), sku: "TEA-2", from: T.day(10), until: T.day(12)),
        ]
        let decision = upsert(rules)
        let list = try #require(decision.priceList)
        #expect(list.rules == rules)
        #expect(list.revision == 1)
        #expect(decision.outcome == .accepted(key: "price-list:PL-1", revision: 1))
    }

    @Test(arguments: [
        ("NOPE", "rules[0].sku"),  // not in the catalog
        ("B-1", "rules[0].sku"),   // another supplier's SKU
    ])
    func refusesRule_forASKUTheOwnerDoesNotSupply(_ sku: String, _ field: String) {
        let rejection = upsert([rule(.customerTier(.gold, unitPrice: T.cny(1_00)), sku: sku)]).rejection
        #expect(rejection?.code == .unknownSKU)
        #expect(rejection?.field == field)
    }

    @Test func refusesPrices_inAnotherCurrencyThanTheList() {
        let rejection = upsert([rule(.customerTier(.gold, unitPrice: T.usd(1_00)))]).rejection
        #expect(rejection?.field == "rules[0].unitPrice")
        let wrongList = upsert([rule(.customerTier(.gold, unitPrice: T.cny(1_00)), sku: "USD-1")]).rejection
        #expect(wrongList?.field == "currency")
    }

    /// Two prices for the same SKU and buyers at the same time would apply by accident of order.
    @Test func refusesTwoRulesForTheSameBuyers_overlapping_butTakesThemForSeparatePeriods() {
        let twice = upsert([rule(.customerTier(.gold, unitPrice: T.cny(8_00))), rule(.customerTier(.gold, unitPrice: T.cny(7_00)))])
        #expect(twice.rejection?.field == "rules[1]" && twice.rejection?.message.contains("rules[0]") == true)
        let overlapping = upsert([rule(.contract(buyer: T.buyer, unitPrice: T.cny(7_00)), until: T.day(30)),
                                  rule(.contract(buyer: T.buyer, unitPrice: T.cny(6_00)), from: T.day(20))])
        #expect(overlapping.rejection?.field == "rules[1]")
        let periods = upsert([rule(.contract(buyer: T.buyer, unitPrice: T.cny(7_00)), until: T.day(30)),
                              rule(.contract(buyer: T.buyer, unitPrice: T.cny(6_00)), from: T.day(30))])
        #expect(periods.rejection == nil, "November's price, then December's")
        let others = upsert([rule(.customerTier(.gold, unitPrice: T.cny(8_00))), rule(.customerTier(.silver, unitPrice: T.cny(9_00))),
                             rule(.customerTier(.gold, unitPrice: T.cny(8_00)), sku: "TEA-2")])
        #expect(others.rejection == nil, "another tier, another SKU")
    }

    @Test func refusesPromotion_withoutAFullWindow() {
        #expect(upsert([rule(.promotion(name: "p", unitPrice: T.cny(1_00)), until: T.day(2))]).rejection?.field == "rules[0].validFrom")
        #expect(upsert([rule(.promotion(name: "p", unitPrice: T.cny(1_00)), from: T.day(2))]).rejection?.field == "rules[0].validUntil")
    }

    @Test func refusesWindow_thatEndsBeforeItStarts() {
        let rejection = upsert([rule(.customerTier(.gold, unitPrice: T.cny(1_00)), from: T.day(2), until: T.day(2))]).rejection
        #expect(rejection?.field == "rules[0].validUntil")
    }

    @Test func refusesVolumeTiers_thatDoNotAscend() {
        let tiers = [VolumeTier(minimumQuantity: 10, unitPrice: T.cny(9_00)), VolumeTier(minimumQuantity: 10, unitPrice: T.cny(8_00))]
        let rejection = upsert([rule(.customerTier(.silver, unitPrice: T.cny(1_00))), rule(.volumeTiers(tiers))]).rejection
        #expect(rejection?.field == "rules[1].tiers[1].minimumQuantity")
        #expect(upsert([rule(.volumeTiers([]))]).rejection?.field == "rules[0].tiers")
        #expect(upsert([rule(.volumeTiers([VolumeTier(minimumQuantity: 0, unitPrice: T.cny(1))]))]).rejection?.field
            == "rules[0].tiers[0].minimumQuantity")
    }

    @Test func refusesVolumeTiers_whosePriceRisesWithQuantity() {
        let rising = [VolumeTier(minimumQuantity: 1, unitPrice: T.cny(9_00)), VolumeTier(minimumQuantity: 10, unitPrice: T.cny(8_00)),
                      VolumeTier(minimumQuantity: 100, unitPrice: T.cny(80_00))]
        let rejection = upsert([rule(.volumeTiers(rising))]).rejection
        #expect(rejection?.field == "rules[0].tiers[2].unitPrice")
        #expect(rejection?.message.contains("must not cost more per unit") == true, "\(String(describing: rejection?.message))")
        let level = [VolumeTier(minimumQuantity: 1, unitPrice: T.cny(9_00)), VolumeTier(minimumQuantity: 10, unitPrice: T.cny(9_00))]
        #expect(upsert([rule(.volumeTiers(level))]).rejection == nil)
    }

    @Test func refusesZeroPrice_andBlankRegion() {
        #expect(upsert([rule(.contract(buyer: T.buyer, unitPrice: T.cny(0)))]).rejection?.field == "rules[0].unitPrice")
        #expect(upsert([rule(.regional(region: " ", unitPrice: T.cny(1)))]).rejection?.field == "rules[0].region")
    }

    @Test func refusesMoreThan500Rules() {
        let rules = (0...500).map { _ in rule(.customerTier(.gold, unitPrice: T.cny(1_00))) }
        let rejection = upsert(rules).rejection
        #expect(rejection?.code == .limitExceeded)
        #expect(rejection?.field == "rules")
    }
}
