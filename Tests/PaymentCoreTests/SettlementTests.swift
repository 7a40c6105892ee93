import Contracts
import Foundation
import PaymentCore
import Testing
import Runtime

/// 分账: split settlement on capture, rule precedence, and the exactness of every split and posting.
@Suite struct SettlementTests {
    typealias T = TestData

    private func split(_ decision: PaymentDecision) -> [SettlementShare] {
        decision.events.compactMap { if case let .settlementSplit(split) = $0 { split.shares } else { nil } }.first ?? []
    }

    /// A prepaid order captured under `rules`.
    private func captured(_ lines: [SettlementLine], rules: [SettlementRule]) -> (Harness, PaymentDecision) {
        var harness = Harness()
        harness.handle(T.rules(rules))
        let total = T.cny(lines.reduce(0) { $0 + $1.amount.minorUnits })
        harness.handle(T.authorize("ORD-1", total, .prepayment, lines: lines))
        harness.handle(T.providerCallback("ORD-1", total, payment: "pay-1"))
        let capture = harness.handle(T.capture("ORD-1"))
        return (harness, capture)
    }

    @Test func supplierOnlyLine_paysCommissionAndRebate_andNoMargin() {
        let rule = SettlementRule(platformCommissionBasisPoints: 250, distributorMarginBasisPoints: 1_000, rebateBasisPoints: 100)
        let (harness, capture) = captured([T.line("S1", amount: T.cny(1_000_01))], rules: [rule])
        let share = split(capture).first
        // 2.5 % of 1000.01 = 25.00025 -> 25.00; rebate 1 % = 10.0001 -> 10.00; supplier 96.5 % = 965.00965 -> 965.01.
        #expect(share?.platformCommission == T.cny(25_00))
        #expect(share?.distributorMargin == T.cny(0))
        #expect(share?.rebate == T.cny(10_00))
        #expect(share?.supplierPayable == T.cny(965_01))
        let ledger = harness.state.ledger
        #expect(ledger.balance(.platformRevenue, in: .cny) == T.cny(-25_00))
        #expect(ledger.balance(.rebatePayable(T.buyer), in: .cny) == T.cny(-10_00))
        #expect(ledger.balance(.supplierPayable(T.supplier), in: .cny) == T.cny(-965_01))
        #expect(ledger.balance(.buyerDeposit(T.buyer), in: .cny) == T.cny(0))
        #expect(ledger.balance(.cash, in: .cny) == T.cny(1_000_01))
    }

    /// A sub-order whose lines span two categories is settled as two lines, each at its own
    /// category's rate (the order service sends one line per sub-order, distributor and category).
    @Test func oneSubOrder_inTwoCategories_isSettledPerCategory_andRefundedExactly() {
        let rules = [SettlementRule(category: ["Beverages", "Tea"], platformCommissionBasisPoints: 1_000),
                     SettlementRule(category: ["Snacks"], platformCommissionBasisPoints: 500)]
        let lines = [T.line("S1", amount: T.cny(100_00)), T.line("S1", category: ["Snacks", "Nuts"], amount: T.cny(200_00))]
        var (harness, capture) = captured(lines, rules: rules)
        #expect(capture.rejection == nil, "\(String(describing: capture.rejection))")
        let shares = split(capture)
        #expect(shares.map(\.platformCommission) == [T.cny(10_00), T.cny(10_00)])
        #expect(shares.map(\.supplierPayable) == [T.cny(90_00), T.cny(190_00)])
        harness.handle(T.refund("R-1", "ORD-1", T.cny(150_00)))
        harness.handle(T.refund("R-2", "ORD-1", T.cny(150_00)))
        #expect(harness.state.ledger.balance(.supplierPayable(T.supplier), in: .cny) == T.cny(0), "fully refunded, nothing owed")
        #expect(harness.state.ledger.balance(.platformRevenue, in: .cny) == T.cny(0))
        let twice = Harness().decider.decide(harness.envelope(T.authorize("ORD-2", T.cny(200_00), lines: [
            T.line("S1", amount: T.cny(100_00)), T.line("S1", amount: T.cny(100_00))]), id: "dup"), state: PaymentState(), now: T.start)
        #expect(twice.rejection?.field == "settlement[1].subOrder", "the same group twice is still refused")
    }

    @Test func supplierAndDistributorLines_splitBetweenAllParties_toTheFen() {
        let rule = SettlementRule(platformCommissionBasisPoints: 300, distributorMarginBasisPoints: 1_500, rebateBasisPoints: 0)
        let lines = [
            T.line("S1", distributor: T.distributor, amount: T.cny(333_33)),
            T.line("S2", supplier: T.otherSupplier, amount: T.cny(100_00)),
        ]
        let (harness, capture) = captured(lines, rules: [rule])
        let shares = split(capture)
        #expect(shares.map(\.subOrder) == ["S1", "S2"])
        // 333.33: 3 % = 9.9999 -> 10.00, 15 % = 49.9995 -> 50.00, supplier 82 % = 273.3306 -> 273.33.
        #expect(shares[0].parts == [T.cny(10_00), T.cny(50_00), T.cny(0), T.cny(273_33)])
        #expect(shares[1].parts == [T.cny(3_00), T.cny(0), T.cny(0), T.cny(97_00)])
        #expect(harness.state.ledger.balance(.distributorPayable(T.distributor), in: .cny) == T.cny(-50_00))
        #expect(harness.state.ledger.balance(.supplierPayable(T.otherSupplier), in: .cny) == T.cny(-97_00))
        #expect(capture.posting?.entries.first == LedgerEntry(account: .buyerDeposit(T.buyer), amount: T.cny(433_33)))
    }

    @Test func noMatchingRule_letsTheSupplierKeepEverything() {
        let (_, capture) = captured([T.line("S1", amount: T.cny(99_99))], rules: [])
        #expect(split(capture).first?.supplierPayable == T.cny(99_99))
        #expect(capture.posting?.entries.count == 2)
    }

    @Test func mostSpecificRuleWins() {
        let tea: [String] = ["Beverages", "Tea"]
        let rules = [
            SettlementRule(platformCommissionBasisPoints: 100),
            SettlementRule(category: ["Beverages"], platformCommissionBasisPoints: 200),
            SettlementRule(category: tea, platformCommissionBasisPoints: 300),
            SettlementRule(distributor: T.distributor, platformCommissionBasisPoints: 400),
            SettlementRule(supplier: T.supplier, platformCommissionBasisPoints: 500),
            SettlementRule(supplier: T.supplier, category: ["Beverages"], platformCommissionBasisPoints: 600),
            SettlementRule(supplier: T.supplier, category: tea, platformCommissionBasisPoints: 650),
            SettlementRule(supplier: T.supplier, distributor: T.distributor, platformCommissionBasisPoints: 700),
            SettlementRule(supplier: T.supplier, distributor: T.distributor, category: ["Beverages"],
                           platformCommissionBasisPoints: 800),
        ]
        let book = SettlementRuleBook(rules: rules)
        func commission(_ line: SettlementLine) -> Int64 { book.rate(for: line).platformCommissionBasisPoints }
        let amount = T.cny(100)
        #expect(commission(T.line("a", supplier: T.otherSupplier, category: ["Tools"], amount: amount)) == 100)
        #expect(commission(T.line("b", supplier: T.otherSupplier, category: ["Beverages", "Coffee"], amount: amount)) == 200)
        #expect(commission(T.line("c", supplier: T.otherSupplier, category: tea, amount: amount)) == 300)
        // One field each: a supplier beats a distributor beats a category.
        #expect(commission(T.line("d", supplier: T.otherSupplier, distributor: T.distributor, category: tea,
                                  amount: amount)) == 400)
        #expect(commission(T.line("e", category: ["Tools"], amount: amount)) == 500)
        // Two fields beat one; among two, the deeper category wins.
        #expect(commission(T.line("f", category: ["Beverages", "Coffee"], amount: amount)) == 600)
        #expect(commission(T.line("g", category: tea, amount: amount)) == 650)
        // Three fields beat two; supplier + distributor applies where the category rule does not.
        #expect(commission(T.line("h", distributor: T.distributor, category: tea, amount: amount)) == 800)
        #expect(commission(T.line("i", distributor: T.distributor, category: ["Tools"], amount: amount)) == 700)
        // Among two fields with the supplier, a distributor beats a category.
        let pair = SettlementRuleBook(rules: [rules[6], rules[7]])
        #expect(pair.rate(for: T.line("k", distributor: T.distributor, category: tea, amount: amount))
            .platformCommissionBasisPoints == 700)
        #expect(book.rate(for: T.line("j", category: ["Tools"], amount: amount)).rule == "supplier \(T.supplier)")
    }

    @Test func ratesAreFixedAtAuthorization_notAtCapture() {
        var harness = Harness()
        harness.handle(T.rules([SettlementRule(platformCommissionBasisPoints: 500)]))
        harness.handle(T.creditLine(T.cny(1_000_00)))
        harness.handle(T.authorize("ORD-1", T.cny(100_00)))
        harness.handle(T.rules([SettlementRule(platformCommissionBasisPoints: 2_000)]))
        let capture = harness.handle(T.capture("ORD-1"))
        #expect(split(capture).first?.platformCommission == T.cny(5_00))
    }

    /// Rules are set on one partition; the service passes the followed copy to every partition's
    /// decisions, and it wins over whatever that partition folded itself.
    @Test func rulesPassedIn_applyOnAPartitionThatNeverSawThem() {
        let harness = Harness()
        let authorize = harness.envelope(T.authorize("ORD-1", T.cny(100_00), .prepayment), id: "cmd-1")
        let followed = [SettlementRule(platformCommissionBasisPoints: 750)]
        let decision = harness.decider.decide(authorize, state: harness.state, now: harness.now, settlementRules: followed)
        guard case let .paymentRequested(requested)? = decision.events.first else { Issue.record("not requested"); return }
        #expect(requested.rates.map(\.platformCommissionBasisPoints) == [750])
        let unfollowed = harness.decider.decide(authorize, state: harness.state, now: harness.now)
        guard case let .paymentRequested(plain)? = unfollowed.events.first else { Issue.record("not requested"); return }
        #expect(plain.rates.map(\.platformCommissionBasisPoints) == [0])
    }

    @Test func settlementRules_needPlatformFinance_andValidShares() {
        var harness = Harness()
        let supplierRules = PaymentCommand.setSettlementRules(SetSettlementRules(rules: [], by: T.supplierFinance))
        #expect(harness.handle(supplierRules).rejection?.code == .forbidden)
        #expect(harness.handle(T.rules([SettlementRule(platformCommissionBasisPoints: 10_001)])).rejection?.field
                == "rules[0].platformCommissionBasisPoints")
        #expect(harness.handle(T.rules([SettlementRule(platformCommissionBasisPoints: 6_000,
                                                       distributorMarginBasisPoints: 4_001)])).rejection?.field == "rules[0]")
        #expect(harness.handle(T.rules([SettlementRule(category: [], platformCommissionBasisPoints: 1)])).rejection?.field
                == "rules[0].category")
        let twice = harness.handle(T.rules([SettlementRule(supplier: T.supplier, platformCommissionBasisPoints: 1),
                                            SettlementRule(supplier: T.supplier, platformCommissionBasisPoints: 2)]))
        #expect(twice.rejection?.field == "rules[1]")
        #expect(twice.events.first?.partitionKey == PaymentCommand.settlementRulesKey)
        let set = harness.handle(T.rules([SettlementRule(platformCommissionBasisPoints: 10_000)]))
        #expect(set.types == ["payment.settlement-rules-set"] && harness.state.settlementRules.count == 1)
    }

    /// Random lines and rules (seeded): every split adds up to its line, every posting balances,
    /// and after capture and random refunds the ledger still balances and each party's balance is
    /// exactly what the shares minus the reversals say.
    @Test func everyPostingBalances_overRandomAmountsAndRules() throws {
        var random = SeededRandom(seed: 0x5EED_0F_7A7)
        let parties = [T.supplier, T.otherSupplier]
        for round in 0..<300 {
            var harness = Harness()
            let commission = Int64.random(in: 0...3_000, using: &random)
            let margin = Int64.random(in: 0...(10_000 - commission), using: &random)
            let rebate = Int64.random(in: 0...(10_000 - commission - margin), using: &random)
            let rules = [
                SettlementRule(platformCommissionBasisPoints: commission, distributorMarginBasisPoints: margin,
                               rebateBasisPoints: rebate),
                SettlementRule(supplier: T.otherSupplier, platformCommissionBasisPoints: Int64.random(in: 0...10_000, using: &random)),
            ]
            harness.handle(T.rules(rules))
            let lines = (0..<Int.random(in: 1...5, using: &random)).map { index in
                T.line("S\(index)", supplier: parties.randomElement(using: &random)!,
                       distributor: Bool.random(using: &random) ? T.distributor : nil,
                       amount: T.cny(Int64.random(in: 1...(round.isMultiple(of: 10) ? 1_000_000_000_000 : 100_000), using: &random)))
            }
            let total = T.cny(lines.reduce(0) { $0 + $1.amount.minorUnits })
            let credit = Bool.random(using: &random)
            if credit {
                harness.handle(T.creditLine(total))
                #expect(harness.handle(T.authorize("ORD-1", total, lines: lines)).rejection == nil)
            } else {
                harness.handle(T.authorize("ORD-1", total, .bankTransfer, lines: lines))
                harness.handle(T.bankTransfer("ORD-1", total, transaction: "BT-\(round)"))
            }
            let capture = harness.handle(T.capture("ORD-1"))
            let shares = split(capture)
            #expect(shares.count == lines.count)
            for (share, line) in zip(shares, lines) {
                #expect(try Money.sum(share.parts, in: .cny) == line.amount)
                #expect(share.parts.allSatisfy { !$0.isNegative })
            }
            var refunded: Int64 = 0
            for index in 0..<Int.random(in: 0...4, using: &random) where refunded < total.minorUnits {
                let amount = index == 3 ? total.minorUnits - refunded : Int64.random(in: 1...(total.minorUnits - refunded), using: &random)
                let refund = harness.handle(T.refund("RMA-\(index)", "ORD-1", T.cny(amount)))
                #expect(refund.rejection == nil)
                refunded += amount
            }
            #expect(harness.state.ledger.isBalanced)
            for posting in harness.state.ledger.postings { #expect(posting.isBalanced) }
            let authorization = try #require(harness.state.authorization(of: T.id("ORD-1"), payer: T.buyer))
            let reversed = authorization.refunds.values.flatMap(\.reversed)
            for supplier in parties {
                let owed = shares.filter { $0.supplier == supplier }.reduce(0) { $0 + $1.supplierPayable.minorUnits }
                    - reversed.filter { $0.supplier == supplier }.reduce(0) { $0 + $1.supplierPayable.minorUnits }
                #expect(harness.state.ledger.balance(.supplierPayable(supplier), in: .cny) == T.cny(-owed))
                #expect(owed >= 0)
            }
            if refunded == total.minorUnits {
                for account in [LedgerAccount.platformRevenue, .distributorPayable(T.distributor), .rebatePayable(T.buyer),
                                .supplierPayable(T.supplier), .supplierPayable(T.otherSupplier)] {
                    #expect(harness.state.ledger.balance(account, in: .cny).isZero, "\(account) after a full refund")
                }
            }
        }
    }
}
