import Contracts
import Foundation
import PaymentCore
import Testing
import Runtime

/// The ledger: balances, trial balance, settlement statements.
@Suite struct LedgerTests {
    typealias T = TestData

    @Test func statement_showsOpeningMovementsAndClosing_forThePeriod() throws {
        var harness = Harness()
        harness.handle(T.rules([SettlementRule(platformCommissionBasisPoints: 1_000)]))
        harness.handle(T.creditLine(T.cny(10_000_00)))
        harness.handle(T.authorize("ORD-1", T.cny(100_00)))
        harness.handle(T.capture("ORD-1"))
        harness.advance(days: 10)
        let periodStart = harness.now
        harness.handle(T.authorize("ORD-2", T.cny(200_00)))
        harness.handle(T.capture("ORD-2"))
        harness.handle(T.refund("RMA-1", "ORD-2", T.cny(50_00)))
        harness.advance(days: 10)
        harness.handle(T.authorize("ORD-3", T.cny(400_00)))
        harness.handle(T.capture("ORD-3"))

        let statement = SettlementStatement.for(T.supplier, from: periodStart, to: harness.now, in: harness.state.ledger)
        #expect(statement.sections.count == 1)
        let section = try #require(statement.sections.first)
        #expect(section.account == .supplierPayable(T.supplier))
        #expect(section.opening == T.cny(-90_00))
        #expect(section.lines.map(\.amount) == [T.cny(-180_00), T.cny(45_00)])
        #expect(section.lines.map(\.kind) == [.capture, .refund])
        #expect(section.closing == T.cny(-225_00))
        #expect(statement.netPayable == [T.cny(225_00)])

        let buyer = SettlementStatement.for(T.buyer, from: periodStart, to: harness.now, in: harness.state.ledger)
        #expect(buyer.sections.map(\.account) == [.buyerReceivable(T.buyer)])
        #expect(buyer.sections.first?.closing == T.cny(250_00))
        #expect(buyer.netPayable == [T.cny(-250_00)], "the buyer owes the platform")

        // The platform's statement holds its commission, which no company's account does.
        let platformOperator = T.id("tradeflow-platform") as CompanyID
        #expect(SettlementStatement.for(platformOperator, from: periodStart, to: harness.now, in: harness.state.ledger).sections.isEmpty)
        let platform = SettlementStatement.for(platformOperator, from: periodStart, to: harness.now, in: harness.state.ledger,
                                               platform: true)
        #expect(platform.sections.map(\.account) == [.platformRevenue])
        #expect(platform.sections.first?.opening == T.cny(-10_00))
        #expect(platform.sections.first?.closing == T.cny(-25_00), "10% of 100 + 200 - 50 in the period, credit balance")
    }

    @Test func combinedStatement_addsUpThePartitions() {
        func partition(_ payer: CompanyID, _ amount: Int64) -> Ledger {
            var harness = Harness()
            harness.handle(T.authorize("ORD-\(payer)", T.cny(amount), .prepayment, payer: payer))
            harness.handle(T.providerCallback("ORD-\(payer)", T.cny(amount), payment: "p-\(payer)", payer: payer))
            harness.handle(T.capture("ORD-\(payer)", payer: payer))
            return harness.state.ledger
        }
        let from = T.start.addingTimeInterval(-T.day), to = T.start.addingTimeInterval(T.day)
        let statements = [partition(T.buyer, 100_00), partition(T.otherBuyer, 250_00)].map {
            SettlementStatement.for(T.supplier, from: from, to: to, in: $0)
        }
        let combined = SettlementStatement.combined(statements)
        #expect(combined?.sections.first?.lines.count == 2)
        #expect(combined?.netPayable == [T.cny(350_00)])
        #expect(SettlementStatement.combined([]) == nil)
    }

    @Test func ledgerAccount_wireForm_roundTrips() {
        let accounts: [LedgerAccount] = [.cash, .platformRevenue, .buyerReceivable(T.buyer), .buyerDeposit(T.buyer),
                                         .buyerCredit(T.buyer), .supplierPayable(T.id("SUP:EAST")),
                                         .distributorPayable(T.distributor), .rebatePayable(T.buyer)]
        for account in accounts { #expect(LedgerAccount(rawValue: account.rawValue) == account) }
        #expect(LedgerAccount.supplierPayable(T.id("SUP:EAST")).rawValue == "supplier-payable:SUP:EAST")
        for invalid in ["", "cash:X", "supplier-payable", "supplier-payable:", "wallet:X", "supplier-payable:a b"] {
            #expect(LedgerAccount(rawValue: invalid) == nil, "\(invalid)")
        }
    }

    /// Random sequences of every command, valid or not, against a few payers: after every step each
    /// posting balances and the trial balance is zero in every currency.
    @Test func trialBalanceIsZero_afterAnySequence() {
        var random = SeededRandom(seed: 42)
        let payers = [T.buyer, T.otherBuyer]
        for _ in 0..<40 {
            var harness = Harness()
            for step in 0..<120 {
                let payer = payers.randomElement(using: &random)!
                let order = "ORD-\(Int.random(in: 1...6, using: &random))"
                let amount = T.cny(Int64.random(in: 1...50_000, using: &random))
                let method = PaymentMethod.allCases.randomElement(using: &random)!
                let command: PaymentCommand = switch Int.random(in: 0..<10, using: &random) {
                case 0: T.creditLine(T.cny(Int64.random(in: 0...200_000, using: &random)), termDays: Int.random(in: 0...3, using: &random),
                                     payer: payer, by: T.platformFinance)
                case 1: T.authorize(order, amount, method, payer: payer, lines: [
                    T.line("\(order)-S1", distributor: T.distributor, amount: T.cny(amount.minorUnits / 2 + 1)),
                    T.line("\(order)-S2", supplier: T.otherSupplier, amount: T.cny(amount.minorUnits - amount.minorUnits / 2 - 1)),
                ].filter { $0.amount.isPositive })
                case 2: T.capture(order, payer: payer)
                case 3: T.void(order, payer: payer)
                case 4: T.refund("RMA-\(step)", order, amount, payer: payer)
                case 5: T.bankTransfer(order, amount, transaction: "BT-\(Int.random(in: 0...30, using: &random))", payer: payer)
                case 6: T.providerCallback(order, amount, payment: "P-\(Int.random(in: 0...30, using: &random))",
                                           status: Bool.random(using: &random) ? .succeeded : .failed, payer: payer)
                case 7: T.markOverdue(at: harness.now, payer: payer)
                case 8: T.rules([SettlementRule(platformCommissionBasisPoints: Int64.random(in: 0...5_000, using: &random),
                                                distributorMarginBasisPoints: Int64.random(in: 0...5_000, using: &random))])
                default: T.capture(order, payer: payer)
                }
                harness.handle(command)
                harness.advance(days: Double.random(in: 0...0.5, using: &random))
            }
            #expect(harness.state.ledger.trialBalance.allSatisfy { $0.isZero })
        }
    }
}
