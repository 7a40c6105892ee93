import Contracts
import Foundation
import PaymentCore
import Testing

/// 对账: bank transfers and provider callbacks matched by reference and amount.
@Suite struct ReconciliationTests {
    typealias T = TestData

    private func awaiting(_ order: String = "ORD-1", _ amount: Int64 = 600_00,
                          method: PaymentMethod = .bankTransfer) -> Harness {
        var harness = Harness()
        let decision = harness.handle(T.authorize(order, T.cny(amount), method))
        #expect(decision.outcomes == [.awaitingPayment(method: method, reference: order)])
        #expect(decision.types == ["payment.payment-requested"])
        return harness
    }

    private func matched(_ decision: PaymentDecision) -> BankTransferMatched? {
        if case let .bankTransferMatched(matched)? = decision.events.first { return matched }
        return nil
    }

    @Test func exactTransfer_paysTheOrder_andAnswersPaid() {
        var harness = awaiting()
        let decision = harness.handle(T.bankTransfer("ORD-1", T.cny(600_00), transaction: "BT-1"))
        #expect(decision.types == ["payment.bank-transfer-matched", "payment.ledger-posted"])
        #expect(matched(decision)?.match == .exact)
        #expect(matched(decision)?.remainingDue == T.cny(0))
        #expect(decision.outcomes == [.paid(amount: T.cny(600_00))])
        #expect(harness.state.authorization(of: T.id("ORD-1"), payer: T.buyer)?.status == .paid)
        #expect(decision.posting?.entries == [
            LedgerEntry(account: .cash, amount: T.cny(600_00)),
            LedgerEntry(account: .buyerDeposit(T.buyer), amount: T.cny(-600_00)),
        ])
    }

    @Test func partialTransfer_staysAwaiting_thenTheRestPays() {
        var harness = awaiting()
        let first = harness.handle(T.bankTransfer(" ORD-1 ", T.cny(250_00), transaction: "BT-1"))
        #expect(matched(first)?.match == .partial)
        #expect(matched(first)?.remainingDue == T.cny(350_00))
        #expect(first.replies.isEmpty)
        let authorization = harness.state.authorization(of: T.id("ORD-1"), payer: T.buyer)
        #expect(authorization?.status == .awaitingPayment && authorization?.received == T.cny(250_00))
        #expect(harness.handle(T.capture("ORD-1")).rejection?.code == .paymentIncomplete)
        let rest = harness.handle(T.bankTransfer("ORD-1", T.cny(350_00), transaction: "BT-2"))
        #expect(matched(rest)?.match == .exact)
        #expect(rest.outcomes == [.paid(amount: T.cny(600_00))])
    }

    @Test func overTransfer_paysTheOrder_andKeepsTheExcessAsCreditBalance() {
        var harness = awaiting()
        let decision = harness.handle(T.bankTransfer("ORD-1", T.cny(650_00), transaction: "BT-1"))
        #expect(matched(decision)?.match == .over)
        #expect(matched(decision)?.applied == T.cny(600_00))
        #expect(matched(decision)?.excess == T.cny(50_00))
        #expect(decision.outcomes == [.paid(amount: T.cny(600_00))])
        #expect(harness.state.creditBalance(of: T.buyer) == [T.cny(50_00)])
    }

    @Test func sameBankTransactionAgain_isADuplicate_withNoEffect() {
        var harness = awaiting()
        harness.handle(T.bankTransfer("ORD-1", T.cny(100_00), transaction: "BT-1"))
        let ledger = harness.state.ledger
        let duplicate = harness.handle(T.bankTransfer("ORD-1", T.cny(100_00), transaction: "BT-1"))
        #expect(duplicate.types == ["payment.bank-transfer-matched"])
        #expect(matched(duplicate)?.match == .duplicate)
        #expect(matched(duplicate)?.order == T.id("ORD-1"))
        #expect(duplicate.replies.isEmpty)
        #expect(harness.state.ledger == ledger)
        #expect(harness.state.authorization(of: T.id("ORD-1"), payer: T.buyer)?.received == T.cny(100_00))
        #expect(harness.state.account(of: T.buyer)?.receivedPayments.count == 1)
    }

    @Test func transferWithUnknownReference_isUnmatched_andHeldForThePayer() {
        var harness = awaiting()
        let decision = harness.handle(T.bankTransfer("invoice 2026/11 ORD-1", T.cny(600_00), transaction: "BT-9"))
        #expect(matched(decision)?.match == .unmatched)
        #expect(matched(decision)?.order == nil)
        #expect(decision.replies.isEmpty)
        #expect(harness.state.creditBalance(of: T.buyer) == [T.cny(600_00)])
        #expect(harness.state.authorization(of: T.id("ORD-1"), payer: T.buyer)?.status == .awaitingPayment)
    }

    @Test func transferForAnAlreadyPaidOrder_isUnmatched() {
        var harness = awaiting()
        harness.handle(T.bankTransfer("ORD-1", T.cny(600_00), transaction: "BT-1"))
        let second = harness.handle(T.bankTransfer("ORD-1", T.cny(600_00), transaction: "BT-2"))
        #expect(matched(second)?.match == .unmatched)
        #expect(harness.state.creditBalance(of: T.buyer) == [T.cny(600_00)])
    }

    /// A buyer paying a credit order before it is delivered: nothing is invoiced yet, so the money
    /// is held for it (unmatched), and pays the invoice the moment it is issued, so the invoice
    /// does not fall due (and freeze the credit line) while the platform holds the money.
    @Test func transferBeforeTheInvoice_paysItWhenIssued() throws {
        var harness = Harness()
        harness.handle(T.creditLine(T.cny(1_000_00)))
        harness.handle(T.authorize("ORD-1", T.cny(300_00)))
        harness.handle(T.authorize("ORD-2", T.cny(100_00)))
        let early = harness.handle(T.bankTransfer(" ORD-1 ", T.cny(200_00), transaction: "BT-1"))
        #expect(matched(early)?.match == .unmatched)
        harness.handle(T.bankTransfer("ORD-2", T.cny(150_00), transaction: "BT-2"))
        #expect(harness.state.creditBalance(of: T.buyer) == [T.cny(350_00)])

        let capture = harness.handle(T.capture("ORD-1"))
        guard case let .invoiceIssued(issued)? = capture.events.dropFirst().first else {
            Issue.record("expected invoice-issued, got \(capture.types)")
            return
        }
        #expect(issued.paidFromBalance == T.cny(200_00))
        let invoice = try #require(harness.state.account(of: T.buyer)?.invoices[T.id("ORD-1")])
        #expect(invoice.paid == T.cny(200_00) && invoice.outstanding == T.cny(100_00))
        #expect(harness.state.creditBalance(of: T.buyer) == [T.cny(150_00)], "only what was sent for ORD-1")
        #expect(harness.state.ledger.balance(.buyerReceivable(T.buyer), in: .cny) == T.cny(100_00))

        // More than the order's amount: the invoice is paid, the rest stays held for the payer.
        let capture2 = harness.handle(T.capture("ORD-2"))
        #expect(capture2.rejection == nil)
        #expect(harness.state.account(of: T.buyer)?.invoices[T.id("ORD-2")]?.isSettled == true)
        #expect(harness.state.creditBalance(of: T.buyer) == [T.cny(50_00)])
        #expect(harness.state.creditStatus(of: T.buyer, at: harness.now)?.outstanding == T.cny(100_00))
    }

    @Test func anInvoiceWithNothingSentBefore_isIssuedUnpaid() {
        var harness = Harness()
        harness.handle(T.creditLine(T.cny(1_000_00)))
        harness.handle(T.authorize("ORD-1", T.cny(300_00)))
        harness.handle(T.bankTransfer("ORD-9", T.cny(200_00), transaction: "BT-1"))
        let capture = harness.handle(T.capture("ORD-1"))
        guard case let .invoiceIssued(issued)? = capture.events.dropFirst().first else { return }
        #expect(issued.paidFromBalance == nil, "money sent for another order stays held")
        #expect(harness.state.creditBalance(of: T.buyer) == [T.cny(200_00)])
    }

    @Test func transferPaysACreditInvoice_byItsReference() {
        var harness = Harness()
        harness.handle(T.creditLine(T.cny(1_000_00)))
        harness.handle(T.authorize("ORD-1", T.cny(300_00)))
        harness.handle(T.capture("ORD-1"))
        let decision = harness.handle(T.bankTransfer("ORD-1", T.cny(300_00), transaction: "BT-1"))
        #expect(matched(decision)?.match == .exact && matched(decision)?.appliedTo == .invoice)
        #expect(decision.replies.isEmpty, "the order completed long ago; invoice payments are events only")
        #expect(harness.state.account(of: T.buyer)?.invoices[T.id("ORD-1")]?.isSettled == true)
        #expect(harness.state.ledger.balance(.buyerReceivable(T.buyer), in: .cny) == T.cny(0))
        #expect(harness.state.creditStatus(of: T.buyer, at: harness.now)?.available == T.cny(1_000_00))
    }

    @Test func providerSuccess_paysThePrepaymentOrder() {
        var harness = awaiting(method: .prepayment)
        let decision = harness.handle(T.providerCallback("ORD-1", T.cny(600_00), payment: "wx-pay-1"))
        #expect(decision.types == ["payment.provider-payment-recorded", "payment.ledger-posted"])
        #expect(decision.outcomes == [.paid(amount: T.cny(600_00))])
        guard case let .providerPaymentRecorded(recorded)? = decision.events.first else { return }
        #expect(recorded.match == .exact && recorded.status == .succeeded)
        #expect(harness.state.authorization(of: T.id("ORD-1"), payer: T.buyer)?.status == .paid)
    }

    @Test func providerFailure_changesNothing_andALaterSuccessWithTheSameIdStillPays() {
        var harness = awaiting(method: .prepayment)
        let failed = harness.handle(T.providerCallback("ORD-1", T.cny(600_00), payment: "wx-pay-1", status: .failed))
        #expect(failed.types == ["payment.provider-payment-recorded"])
        // The order still waiting hears of it, for its history.
        #expect(failed.outcomes == [.attemptFailed(amount: T.cny(600_00), reason: "card declined")])
        guard case let .providerPaymentRecorded(recorded)? = failed.events.first else { return }
        #expect(recorded.status == .failed && recorded.match == nil && recorded.failureReason == "card declined")
        #expect(harness.state.ledger.postings.isEmpty)
        #expect(harness.state.authorization(of: T.id("ORD-1"), payer: T.buyer)?.status == .awaitingPayment)
        let succeeded = harness.handle(T.providerCallback("ORD-1", T.cny(600_00), payment: "wx-pay-1"))
        #expect(succeeded.outcomes == [.paid(amount: T.cny(600_00))])
        // Once paid, or for an order payment does not know, a failure tells no order.
        #expect(harness.handle(T.providerCallback("ORD-1", T.cny(600_00), payment: "wx-pay-2", status: .failed)).replies.isEmpty)
        #expect(harness.handle(T.providerCallback("ORD-404", T.cny(5_00), payment: "wx-pay-3", status: .failed)).replies.isEmpty)
    }

    @Test func anIncomingPaymentBeyondTheLimit_isRefusedNamingTheAmount_andRecordsNothing() {
        var harness = awaiting(method: .bankTransfer)
        let limit = PaymentLimits.standard.maximumPaymentMinorUnits
        for command in [T.bankTransfer("ORD-1", Money(minorUnits: limit + 1, currency: .cny), transaction: "BT-MAX"),
                        T.providerCallback("ORD-1", Money(minorUnits: Int64.max, currency: .cny), payment: "wx-max")] {
            let refused = harness.handle(command)
            #expect(refused.rejection?.field == "amount", "\(refused.types)")
        }
        #expect(harness.state.ledger.postings.isEmpty)
    }

    @Test func providerSuccessRepeated_isADuplicate() {
        var harness = awaiting(method: .prepayment)
        harness.handle(T.providerCallback("ORD-1", T.cny(600_00), payment: "wx-pay-1"))
        let again = harness.handle(T.providerCallback("ORD-1", T.cny(600_00), payment: "wx-pay-1"))
        guard case let .providerPaymentRecorded(recorded)? = again.events.first else { return }
        #expect(recorded.match == .duplicate && again.events.count == 1 && again.replies.isEmpty)
        #expect(harness.state.ledger.balance(.cash, in: .cny) == T.cny(600_00))
    }

    @Test func paymentForACreditOrderNotYetInvoiced_orAnUnknownOrder_isHeldUnmatched() {
        var harness = Harness()
        harness.handle(T.creditLine(T.cny(1_000_00)))
        harness.handle(T.authorize("ORD-1", T.cny(100_00)))
        let early = harness.handle(T.bankTransfer("ORD-1", T.cny(100_00), transaction: "BT-1"))
        #expect(matched(early)?.match == .unmatched)
        let unknown = harness.handle(T.providerCallback("ORD-404", T.cny(5_00), payment: "pay-404"))
        guard case let .providerPaymentRecorded(recorded)? = unknown.events.first else { return }
        #expect(recorded.match == .unmatched && unknown.replies.isEmpty)
        #expect(harness.state.creditBalance(of: T.buyer) == [T.cny(105_00)])
        #expect(harness.state.ledger.balance(.cash, in: .cny) == T.cny(105_00))
    }

    @Test func voidOfAPartlyPaidOrder_owesThePaymentBackToTheBuyer() {
        var harness = awaiting()
        harness.handle(T.bankTransfer("ORD-1", T.cny(200_00), transaction: "BT-1"))
        let void = harness.handle(T.void("ORD-1"))
        #expect(void.types == ["payment.authorization-voided", "payment.ledger-posted"])
        #expect(void.outcomes == [.voided])
        #expect(harness.state.ledger.balance(.buyerDeposit(T.buyer), in: .cny) == T.cny(0))
        #expect(harness.state.creditBalance(of: T.buyer) == [T.cny(200_00)])
        let late = harness.handle(T.bankTransfer("ORD-1", T.cny(400_00), transaction: "BT-2"))
        #expect(matched(late)?.match == .unmatched)
    }

    @Test func bankTransferValidation_namesTheField() {
        var harness = awaiting()
        #expect(harness.handle(T.bankTransfer("ORD-1", T.cny(1), transaction: " ")).rejection?.field == "bankTransactionId")
        #expect(harness.handle(T.bankTransfer("ORD-1", T.cny(0), transaction: "BT-1")).rejection?.field == "amount")
        let long = String(repeating: "x", count: 257)
        #expect(harness.handle(T.bankTransfer(long, T.cny(1), transaction: "BT-2")).rejection?.field == "reference")
    }
}
