import Contracts
import Foundation
import PaymentCore
import Testing

/// Refunds (RMA) reverse the split of what was returned, exactly: the lines named, or in
/// proportion over the whole order when none are.
@Suite struct RefundTests {
    typealias T = TestData

    private let rule = SettlementRule(platformCommissionBasisPoints: 500, distributorMarginBasisPoints: 1_000,
                                      rebateBasisPoints: 200)

    /// A credit order of 1,000.00 through the distributor, captured.
    private func capturedCreditOrder() -> Harness {
        var harness = Harness()
        harness.handle(T.rules([rule]))
        harness.handle(T.creditLine(T.cny(10_000_00)))
        harness.handle(T.authorize("ORD-1", T.cny(1_000_00), lines: [
            T.line("S1", distributor: T.distributor, amount: T.cny(700_00)),
            T.line("S2", supplier: T.otherSupplier, amount: T.cny(300_00)),
        ]))
        harness.handle(T.capture("ORD-1"))
        return harness
    }

    private func issued(_ decision: PaymentDecision) -> RefundIssued? {
        if case let .refundIssued(issued)? = decision.events.first { return issued }
        return nil
    }

    @Test func partialRefund_reversesEveryShareInProportion() {
        var harness = capturedCreditOrder()
        let refund = harness.handle(T.refund("RMA-1", "ORD-1", T.cny(100_00)))
        #expect(refund.types == ["payment.refund-issued", "payment.ledger-posted"])
        #expect(refund.outcomes == [.refunded(refund: "RMA-1", amount: T.cny(100_00))])
        let reversed = issued(refund)?.reversed ?? []
        // S1 (700): 35 / 70 / 14 / 581; S2 (300): 15 / 0 / 6 / 279. A tenth of each.
        #expect(reversed.map(\.parts) == [
            [T.cny(3_50), T.cny(7_00), T.cny(1_40), T.cny(58_10)],
            [T.cny(1_50), T.cny(0), T.cny(60), T.cny(27_90)],
        ])
        #expect(issued(refund)?.creditedToInvoice == T.cny(100_00))
        #expect(harness.state.account(of: T.buyer)?.invoices[T.id("ORD-1")]?.outstanding == T.cny(900_00))
        #expect(harness.state.ledger.balance(.platformRevenue, in: .cny) == T.cny(-45_00))
    }

    private func refund(_ id: String, _ amount: Money, from lines: [SettlementLine]) -> PaymentCommand {
        .refund(RefundPayment(refund: id, order: T.id("ORD-1"), payer: T.buyer, amount: amount, reason: "RMA: damaged",
                              replyKey: T.buyer.rawValue, lines: lines))
    }

    /// Returned goods take back the split of the line they were sold under: a distributor gives
    /// back margin only on what its shop sold, and all of it when everything it sold comes back.
    @Test func refundOfNamedLines_reversesOnlyTheirShares() {
        var harness = capturedCreditOrder()
        let direct = harness.handle(refund("RMA-1", T.cny(100_00), from: [T.line("S2", supplier: T.otherSupplier, amount: T.cny(100_00))]))
        // S2 (300) gives back a third: 5 / 0 / 2 / 93; S1 nothing.
        #expect(issued(direct)?.reversed.map(\.parts) == [
            [T.cny(0), T.cny(0), T.cny(0), T.cny(0)],
            [T.cny(5_00), T.cny(0), T.cny(2_00), T.cny(93_00)],
        ])
        #expect(harness.state.ledger.balance(.distributorPayable(T.distributor), in: .cny) == T.cny(-70_00))
        let shop = harness.handle(refund("RMA-2", T.cny(700_00), from: [T.line("S1", distributor: T.distributor, amount: T.cny(700_00))]))
        #expect(issued(shop)?.reversed.first?.distributorMargin == T.cny(70_00), "the whole margin of the shop's line")
        #expect(harness.state.ledger.balance(.distributorPayable(T.distributor), in: .cny).isZero)
        // Lines that name nothing the order was split by, or more than is left there: the proportional reversal.
        let unknown = harness.handle(refund("RMA-3", T.cny(100_00), from: [T.line("S9", amount: T.cny(100_00))]))
        #expect(issued(unknown)?.reversed.map(\.amount) == [T.cny(0), T.cny(100_00)])
        var fresh = capturedCreditOrder()
        let tooMuch = fresh.handle(refund("RMA-4", T.cny(400_00), from: [T.line("S2", supplier: T.otherSupplier, amount: T.cny(400_00))]))
        #expect(issued(tooMuch)?.reversed.map(\.amount) == [T.cny(280_00), T.cny(120_00)])
    }

    @Test func refundsAddUpExactly_andTheLastOneTakesBackWhatIsLeft() {
        var harness = capturedCreditOrder()
        for (index, amount) in [33_33, 33_33, 1, 333_33].enumerated() {
            #expect(harness.handle(T.refund("RMA-\(index)", "ORD-1", T.cny(Int64(amount)))).rejection == nil)
        }
        let last = harness.handle(T.refund("RMA-last", "ORD-1", T.cny(600_00)))
        #expect(issued(last)?.totalRefunded == T.cny(1_000_00))
        for account in [LedgerAccount.platformRevenue, .distributorPayable(T.distributor), .rebatePayable(T.buyer),
                        .supplierPayable(T.supplier), .supplierPayable(T.otherSupplier), .buyerReceivable(T.buyer)] {
            #expect(harness.state.ledger.balance(account, in: .cny).isZero, "\(account)")
        }
        #expect(harness.handle(T.refund("RMA-more", "ORD-1", T.cny(1))).rejection?.code == .refundExceedsCaptured)
    }

    @Test func refundBeyondTheOpenInvoice_becomesTheBuyersCreditBalance() {
        var harness = capturedCreditOrder()
        harness.handle(T.bankTransfer("ORD-1", T.cny(900_00), transaction: "BT-1"))
        let refund = harness.handle(T.refund("RMA-1", "ORD-1", T.cny(250_00)))
        #expect(issued(refund)?.creditedToInvoice == T.cny(100_00))
        #expect(issued(refund)?.creditedToBalance == T.cny(150_00))
        #expect(harness.state.account(of: T.buyer)?.invoices[T.id("ORD-1")]?.isSettled == true)
        #expect(harness.state.creditBalance(of: T.buyer) == [T.cny(150_00)])
    }

    @Test func refundOfAPrepaidOrder_isOwedBackToTheBuyer() {
        var harness = Harness()
        harness.handle(T.authorize("ORD-1", T.cny(500_00), .prepayment))
        harness.handle(T.providerCallback("ORD-1", T.cny(500_00), payment: "pay-1"))
        harness.handle(T.capture("ORD-1"))
        let refund = harness.handle(T.refund("RMA-1", "ORD-1", T.cny(500_00)))
        #expect(issued(refund)?.creditedToBalance == T.cny(500_00))
        #expect(harness.state.creditBalance(of: T.buyer) == [T.cny(500_00)])
        #expect(harness.state.ledger.balance(.supplierPayable(T.supplier), in: .cny).isZero)
    }

    @Test func refundRules_notCaptured_conflict_andRepeat() {
        var harness = Harness()
        harness.handle(T.creditLine(T.cny(1_000_00)))
        harness.handle(T.authorize("ORD-1", T.cny(100_00)))
        #expect(harness.handle(T.refund("RMA-1", "ORD-1", T.cny(1_00))).rejection?.code == .notCaptured)
        #expect(harness.handle(T.refund("RMA-1", "ORD-9", T.cny(1_00))).rejection?.code == .unknownAuthorization)
        harness.handle(T.capture("ORD-1"))
        #expect(harness.handle(T.refund("RMA-1", "ORD-1", T.cny(10_00))).rejection == nil)
        let again = harness.handle(T.refund("RMA-1", "ORD-1", T.cny(10_00)))
        #expect(again.events.isEmpty && again.outcomes == [.refunded(refund: "RMA-1", amount: T.cny(10_00))])
        #expect(harness.handle(T.refund("RMA-1", "ORD-1", T.cny(20_00))).rejection?.code == .refundConflict)
        let usd = harness.handle(T.refund("RMA-2", "ORD-1", Money(minorUnits: 1, currency: .usd)))
        #expect(usd.rejection?.code == .paymentCurrencyMismatch)
        // A refused saga command is answered, so the order service is never left waiting.
        guard case let .rejected(code, _)? = usd.outcomes.first else {
            Issue.record("expected rejected, got \(usd.outcomes)")
            return
        }
        #expect(code == .paymentCurrencyMismatch && usd.types == ["payment.command-rejected"])
    }

    @Test func captureAndVoidRules() {
        var harness = Harness()
        harness.handle(T.creditLine(T.cny(1_000_00)))
        #expect(harness.handle(T.capture("ORD-1")).rejection?.code == .unknownAuthorization)
        harness.handle(T.authorize("ORD-1", T.cny(100_00)))
        harness.handle(T.capture("ORD-1"))
        let again = harness.handle(T.capture("ORD-1"))
        #expect(again.events.isEmpty && again.outcomes == [.captured])
        #expect(harness.handle(T.void("ORD-1")).rejection?.code == .authorizationClosed)
        harness.handle(T.authorize("ORD-2", T.cny(100_00)))
        harness.handle(T.void("ORD-2"))
        #expect(harness.handle(T.void("ORD-2")).outcomes == [.voided])
        #expect(harness.handle(T.capture("ORD-2")).rejection?.code == .authorizationClosed)
    }

    @Test func voidWithABlankReason_isStillAccepted() {
        var harness = Harness()
        harness.handle(T.creditLine(T.cny(1_000_00)))
        harness.handle(T.authorize("ORD-1", T.cny(100_00)))
        let void = harness.handle(.void(VoidAuthorization(order: T.id("ORD-1"), payer: T.buyer, reason: "  ", replyKey: "")))
        guard case let .creditReleased(released)? = void.events.first else {
            Issue.record("expected credit-released, got \(void.types)")
            return
        }
        #expect(released.reason == "no reason given")
        #expect(void.replies.first?.key == T.buyer.rawValue, "a blank reply key falls back to the payer")
    }
}
