import CatalogCore
import Contracts
import Foundation
import Testing

@Suite struct PriceEngineTests {
    typealias T = TestData
    let tea: SKU = T.id("TEA-1")
    let product = T.product("P1", skus: [T.sku("TEA-1", price: 100_00)])
    let goldBuyer = BuyerProfile(company: T.buyer, tier: .gold, region: "CN-EAST")
    let plainBuyer = BuyerProfile(company: T.id("BUYER-2"), tier: .standard, region: nil)

    func rule(_ terms: PriceRule.Terms, from: Date? = nil, until: Date? = nil) -> PriceRule {
        PriceRule(sku: tea, terms: terms, validFrom: from, validUntil: until)
    }

    var volume: PriceRule {
        rule(.volumeTiers([VolumeTier(minimumQuantity: 10, unitPrice: T.cny(95_00)),
                           VolumeTier(minimumQuantity: 100, unitPrice: T.cny(90_00)),
                           VolumeTier(minimumQuantity: 1_000, unitPrice: T.cny(85_00))]))
    }

    var promotion: PriceRule {
        rule(.promotion(name: "Double 11", unitPrice: T.cny(88_00)), from: T.day(9), until: T.day(12))
    }

    func quote(_ quantity: Int64, _ buyer: BuyerProfile, _ rules: [PriceRule], at now: Date = T.now,
               product: Product? = nil) -> Result<PriceQuote, QuoteError> {
        PriceEngine.quote(sku: tea, quantity: quantity, buyer: buyer, product: product ?? self.product,
                          priceLists: [T.priceList("PL-1", rules: rules)], now: now)
    }

    func winner(_ quantity: Int64, _ buyer: BuyerProfile, _ rules: [PriceRule],
                at now: Date = T.now) throws -> (PriceRuleKind, Int64) {
        let quote = try quote(quantity, buyer, rules, at: now).get()
        return (quote.rule.kind, quote.unitPrice.minorUnits)
    }

    // MARK: every rule alone

    @Test func quotesBasePrice_whenNoRuleApplies() throws {
        let quote = try quote(3, plainBuyer, []).get()
        #expect(quote.unitPrice == T.cny(100_00))
        #expect(quote.total == T.cny(300_00))
        #expect(quote.rule == AppliedRule(kind: .base, priceListId: nil, description: "base price"))
        #expect(quote.candidates.count == 1)
    }

    @Test func quotesVolumeTier_alone() throws {
        let quote = try quote(100, plainBuyer, [volume]).get()
        #expect(quote.rule == AppliedRule(kind: .volumeTier, priceListId: T.id("PL-1"), description: "volume tier ≥ 100 units"))
        #expect(quote.unitPrice == T.cny(90_00))
        #expect(quote.total == T.cny(9_000_00))
    }

    @Test func quotesCustomerTierPrice_onlyForThatTier() throws {
        let gold = rule(.customerTier(.gold, unitPrice: T.cny(92_00)))
        #expect(try winner(1, goldBuyer, [gold]) == (.customerTier, 92_00))
        #expect(try winner(1, BuyerProfile(company: T.buyer, tier: .silver), [gold]) == (.base, 100_00))
        #expect(try quote(1, goldBuyer, [gold]).get().rule.description == "gold customer price")
    }

    @Test func quotesContractPrice_onlyForThatBuyer() throws {
        let contract = rule(.contract(buyer: T.buyer, unitPrice: T.cny(97_00)))
        #expect(try winner(1, goldBuyer, [contract]) == (.contract, 97_00))
        #expect(try winner(1, plainBuyer, [contract]) == (.base, 100_00))
    }

    @Test func quotesRegionalPrice_onlyForThatRegion() throws {
        let regional = rule(.regional(region: "CN-EAST", unitPrice: T.cny(93_00)))
        #expect(try winner(1, goldBuyer, [regional]) == (.regional, 93_00))
        #expect(try winner(1, BuyerProfile(company: T.buyer, region: "CN-NORTH"), [regional]) == (.base, 100_00))
        #expect(try winner(1, plainBuyer, [regional]) == (.base, 100_00))
    }

    @Test func quotesPromotion_alone() throws {
        let quote = try quote(1, plainBuyer, [promotion]).get()
        #expect(quote.rule == AppliedRule(kind: .promotion, priceListId: T.id("PL-1"), description: "promotion \"Double 11\""))
        #expect(quote.unitPrice == T.cny(88_00))
    }

    // MARK: overlaps

    @Test func contractPriceIsBinding_evenWhenACheaperPromotionApplies() throws {
        let contract = rule(.contract(buyer: T.buyer, unitPrice: T.cny(99_00)))
        let quote = try quote(1_000, goldBuyer, [promotion, volume, contract]).get()
        #expect(quote.rule.kind == .contract)
        #expect(quote.unitPrice == T.cny(99_00))
        #expect(quote.candidates.map(\.rule.kind) == [.contract, .volumeTier, .promotion, .base])
    }

    @Test func lowestOfSeveralContracts_wins() throws {
        let contracts = [rule(.contract(buyer: T.buyer, unitPrice: T.cny(99_00))),
                         rule(.contract(buyer: T.buyer, unitPrice: T.cny(98_00)))]
        #expect(try winner(1, goldBuyer, contracts) == (.contract, 98_00))
    }

    @Test func lowestPriceWins_amongPromotionTierAndVolume() throws {
        let gold = rule(.customerTier(.gold, unitPrice: T.cny(92_00)))
        #expect(try winner(1, goldBuyer, [promotion, gold, volume]) == (.promotion, 88_00))
        #expect(try winner(1_000, goldBuyer, [promotion, gold, volume]) == (.volumeTier, 85_00))
        #expect(try winner(1, goldBuyer, [gold, volume], at: T.day(13)) == (.customerTier, 92_00))
    }

    @Test func regionalPriceWins_whenLowest() throws {
        let regional = rule(.regional(region: "CN-EAST", unitPrice: T.cny(80_00)))
        #expect(try winner(100, goldBuyer, [promotion, volume, regional]) == (.regional, 80_00))
    }

    @Test(arguments: [
        ([PriceRuleKind.promotion, .customerTier, .regional, .volumeTier], PriceRuleKind.promotion),
        ([.customerTier, .regional, .volumeTier], .customerTier),
        ([.regional, .volumeTier], .regional),
        ([.volumeTier], .volumeTier),
    ])
    func equalPrices_areBrokenByPromotionThenTierThenRegionalThenVolume(_ kinds: [PriceRuleKind],
                                                                       _ expected: PriceRuleKind) throws {
        let price = T.cny(100_00)  // equal to the base price too: base always loses the tie
        let rules = kinds.map { kind -> PriceRule in
            switch kind {
            case .promotion: rule(.promotion(name: "p", unitPrice: price), from: T.day(0), until: T.day(20))
            case .customerTier: rule(.customerTier(.gold, unitPrice: price))
            case .regional: rule(.regional(region: "CN-EAST", unitPrice: price))
            default: rule(.volumeTiers([VolumeTier(minimumQuantity: 1, unitPrice: price)]))
            }
        }
        #expect(try winner(1, goldBuyer, rules.reversed()).0 == expected)
    }

    // MARK: validity windows

    @Test(arguments: [
        (T.day(9, seconds: -0.001), PriceRuleKind.base),  // before the start
        (T.day(9), .promotion),                           // at the start: inclusive
        (T.day(10.5), .promotion),                        // inside
        (T.day(12, seconds: -0.001), .promotion),         // last millisecond
        (T.day(12), .base),                               // at the end: exclusive
        (T.day(13), .base),                               // after
    ])
    func promotionApplies_onlyInsideItsWindow(_ instant: Date, _ expected: PriceRuleKind) throws {
        #expect(try winner(1, plainBuyer, [promotion], at: instant).0 == expected)
    }

    @Test func ruleWithOpenEnds_appliesFromItsStartOrUntilItsEnd() throws {
        let from = rule(.customerTier(.gold, unitPrice: T.cny(90_00)), from: T.day(5))
        let until = rule(.customerTier(.gold, unitPrice: T.cny(91_00)), until: T.day(5))
        #expect(try winner(1, goldBuyer, [from, until], at: T.day(4)) == (.customerTier, 91_00))
        #expect(try winner(1, goldBuyer, [from, until], at: T.day(5)) == (.customerTier, 90_00))
    }

    @Test func expiredContract_isNotBinding() throws {
        let contract = rule(.contract(buyer: T.buyer, unitPrice: T.cny(99_00)), until: T.day(10))
        #expect(try winner(1, goldBuyer, [contract, promotion]) == (.promotion, 88_00))
    }

    // MARK: volume tier boundaries

    @Test(arguments: [
        (Int64(9), PriceRuleKind.base, Int64(100_00)),
        (10, .volumeTier, 95_00), (11, .volumeTier, 95_00),
        (99, .volumeTier, 95_00), (100, .volumeTier, 90_00), (101, .volumeTier, 90_00),
        (999, .volumeTier, 90_00), (1_000, .volumeTier, 85_00), (1_001, .volumeTier, 85_00),
    ])
    func volumeTier_appliesFromItsMinimumQuantity(_ quantity: Int64, _ kind: PriceRuleKind, _ price: Int64) throws {
        #expect(try winner(quantity, plainBuyer, [volume]) == (kind, price))
    }

    // MARK: quantity errors

    @Test(arguments: [
        (Int64(0), QuoteError.invalidQuantity(0)),
        (-10, .invalidQuantity(-10)),
        (5, .belowMinimumOrderQuantity(quantity: 5, minimum: 10)),
        (12, .notMultipleOfPackSize(quantity: 12, packSize: 5)),
    ])
    func refusesQuantity_belowMOQOrOffPackSize(_ quantity: Int64, _ expected: QuoteError) {
        let packed = T.product("P1", skus: [T.sku("TEA-1", price: 100_00, pack: 5, moq: 10)])
        let error = quote(quantity, plainBuyer, [], product: packed).failure
        #expect(error == expected)
        #expect(error?.field == "quantity")
    }

    @Test func acceptsQuantity_atMOQAndOnPackMultiples() throws {
        let packed = T.product("P1", skus: [T.sku("TEA-1", price: 100_00, pack: 5, moq: 10)])
        #expect(try quote(10, plainBuyer, [], product: packed).get().total == T.cny(1_000_00))
        #expect(try quote(15, plainBuyer, [], product: packed).get().total == T.cny(1_500_00))
    }

    @Test func refusesTotal_thatOverflows() {
        let huge = T.product("P1", skus: [T.sku("TEA-1", price: Int64.max / 2)])
        let error = quote(3, plainBuyer, [], product: huge).failure
        #expect(error == .totalOverflow(quantity: 3, unitPrice: T.cny(Int64.max / 2)))
        #expect(error?.field == "quantity")
    }

    // MARK: currencies, owners, availability

    @Test func refusesQuote_whenAnApplicableRuleIsInAnotherCurrency() {
        let usdPromotion = rule(.promotion(name: "USD", unitPrice: T.usd(12_00)), from: T.day(0), until: T.day(20))
        let error = quote(1, plainBuyer, [usdPromotion]).failure
        #expect(error == .currencyMismatch(priceList: T.id("PL-1"), expected: .cny, found: .usd))
        #expect(error?.field == "currency")
    }

    @Test func ignoresRuleInAnotherCurrency_thatDoesNotApplyToTheBuyer() throws {
        let usdContract = rule(.contract(buyer: T.id("OTHER"), unitPrice: T.usd(12_00)))
        #expect(try winner(1, plainBuyer, [usdContract]) == (.base, 100_00))
    }

    @Test func ignoresPriceLists_ofOtherSuppliers() throws {
        let foreign = T.priceList("PL-B", owner: T.supplierB, rules: [rule(.customerTier(.standard, unitPrice: T.cny(1_00)))])
        let quote = try PriceEngine.quote(sku: tea, quantity: 1, buyer: plainBuyer, product: product,
                                          priceLists: [foreign], now: T.now).get()
        #expect(quote.rule.kind == .base)
    }

    @Test func refusesQuote_forUnknownSKUOrUnlistedProduct() {
        #expect(PriceEngine.quote(sku: T.id("NOPE"), quantity: 1, buyer: plainBuyer, product: product,
                                  priceLists: [], now: T.now).failure?.field == "sku")
        let delisted = T.product("P1", skus: [T.sku("TEA-1")], status: .delisted)
        #expect(quote(1, plainBuyer, [], product: delisted).failure == .notAvailable(tea, status: .delisted))
        let scheduledOff = T.product("P1", skus: [T.sku("TEA-1")], delistAt: T.day(9))
        #expect(quote(1, plainBuyer, [], product: scheduledOff).failure == .notAvailable(tea, status: .delisted))
    }

    @Test func priceIndex_givesTheSameQuoteAsScanningTheLists() throws {
        let lists = [T.priceList("PL-1", rules: [volume, promotion]),
                     T.priceList("PL-2", rules: [rule(.customerTier(.gold, unitPrice: T.cny(87_00)))]),
                     T.priceList("PL-B", owner: T.supplierB, rules: [rule(.customerTier(.gold, unitPrice: T.cny(1)))])]
        let index = PriceIndex(priceLists: lists)
        for quantity: Int64 in [1, 10, 100, 1_000] {
            let scanned = PriceEngine.quote(sku: tea, quantity: quantity, buyer: goldBuyer, product: product,
                                            priceLists: lists, now: T.now)
            let indexed = PriceEngine.quote(sku: tea, quantity: quantity, buyer: goldBuyer, product: product,
                                            rules: index.rules(for: tea, supplier: T.supplierA), now: T.now)
            #expect(try scanned.get() == indexed.get())
        }
    }
}
