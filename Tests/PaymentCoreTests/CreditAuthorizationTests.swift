import Contracts
import Foundation
import PaymentCore
import Testing

/// 账期: credit lines, reservations, invoices, overdue freezes.
@Suite struct CreditAuthorizationTests {
    typealias T = TestData

    private func harnessWithCredit(_ limit: Int64, termDays: Int = 30) -> Harness {
        var harness = Harness()
        harness.handle(T.creditLine(T.cny(limit), termDays: termDays))
        return harness
    }

    @Test func authorizesCredit_exactlyAtTheLimit() {
        var harness = harnessWithCredit(500_000_00)
        let decision = harness.handle(T.authorize("ORD-1", T.cny(500_000_00)))
        #expect(decision.types == ["payment.credit-reserved"])
        #expect(decision.outcomes == [.authorized(method: .credit)])
        #expect(decision.replies.first?.key == T.buyer.rawValue)
        let status = harness.state.creditStatus(of: T.buyer, at: harness.now)
        #expect(status?.reserved == T.cny(500_000_00))
        #expect(status?.available == T.cny(0))
    }

    @Test func rejectsCredit_oneUnitOverTheLimit_namingTheAvailableAmount() {
        var harness = harnessWithCredit(500_000_00)
        harness.handle(T.authorize("ORD-1", T.cny(200_000_00)))
        let decision = harness.handle(T.authorize("ORD-2", T.cny(300_000_01)))
        #expect(decision.rejection?.code == .creditLimitExceeded)
        #expect(decision.rejection?.field == "amount")
        #expect(decision.rejection?.available == T.cny(300_000_00))
        #expect(decision.rejection?.reason.contains("300000.00 CNY is available") == true, "\(decision.rejection!.reason)")
        #expect(decision.types == ["payment.authorization-rejected"])
        guard case let .rejected(code, reason)? = decision.outcomes.first else {
            Issue.record("expected a rejected reply, got \(decision.outcomes)")
            return
        }
        #expect(code == .creditLimitExceeded && reason.contains("300000.00 CNY"))
        #expect(harness.state.creditStatus(of: T.buyer, at: harness.now)?.reserved == T.cny(200_000_00))
    }

    @Test func rejectsCredit_withoutACreditLine_orInAnotherCurrency() {
        var harness = Harness()
        #expect(harness.handle(T.authorize("ORD-1", T.cny(100))).rejection?.code == .noCreditLine)
        harness.handle(T.creditLine(T.cny(1_000)))
        let usd = Money(minorUnits: 100, currency: .usd)
        let decision = harness.handle(T.authorize("ORD-2", usd, lines: [T.line("ORD-2-S-1", amount: usd)]))
        #expect(decision.rejection?.code == .paymentCurrencyMismatch)
    }

    @Test func voidReleasesReservedCredit() {
        var harness = harnessWithCredit(1_000_00)
        harness.handle(T.authorize("ORD-1", T.cny(800_00)))
        #expect(harness.handle(T.authorize("ORD-2", T.cny(300_00))).rejection?.code == .creditLimitExceeded)
        let void = harness.handle(T.void("ORD-1"))
        #expect(void.types == ["payment.credit-released"])
        #expect(void.outcomes == [.voided])
        guard case let .creditReleased(released)? = void.events.first else { return }
        #expect(released.available == T.cny(1_000_00))
        #expect(harness.handle(T.authorize("ORD-2", T.cny(300_00))).outcomes == [.authorized(method: .credit)])
        #expect(harness.state.ledger.postings.isEmpty, "reservations are off-ledger")
    }

    @Test func captureTurnsTheReservationIntoAnInvoiceDueAfterTermDays() {
        var harness = harnessWithCredit(1_000_00, termDays: 45)
        harness.handle(T.authorize("ORD-1", T.cny(600_00)))
        harness.advance(days: 3)
        let capture = harness.handle(T.capture("ORD-1"))
        #expect(capture.types == ["payment.payment-captured", "payment.invoice-issued", "payment.settlement-split",
                                  "payment.ledger-posted"])
        #expect(capture.outcomes == [.captured])
        let invoice = harness.state.account(of: T.buyer)?.invoices[T.id("ORD-1")]
        #expect(invoice?.dueAt == harness.now.addingTimeInterval(45 * T.day))
        #expect(invoice?.termDays == 45)
        #expect(invoice?.outstanding == T.cny(600_00))
        let status = harness.state.creditStatus(of: T.buyer, at: harness.now)
        #expect(status?.reserved == T.cny(0))
        #expect(status?.outstanding == T.cny(600_00))
        #expect(status?.available == T.cny(400_00))
        #expect(harness.state.ledger.balance(.buyerReceivable(T.buyer), in: .cny) == T.cny(600_00))
    }

    @Test func overdueInvoice_freezesNewCredit_untilPaid() {
        var harness = harnessWithCredit(1_000_00, termDays: 30)
        harness.handle(T.authorize("ORD-1", T.cny(100_00)))
        harness.handle(T.capture("ORD-1"))
        harness.advance(days: 29)
        #expect(harness.state.payersWithInvoicesDue(at: harness.now).isEmpty)
        #expect(harness.handle(T.markOverdue(at: harness.now)).events.isEmpty)
        #expect(harness.handle(T.authorize("ORD-2", T.cny(10_00))).outcomes == [.authorized(method: .credit)])

        harness.advance(days: 2)
        #expect(harness.state.payersWithInvoicesDue(at: harness.now) == [T.buyer])
        let mark = harness.handle(T.markOverdue(at: harness.now))
        #expect(mark.types == ["payment.invoice-overdue"])
        #expect(harness.state.payersWithInvoicesDue(at: harness.now).isEmpty)
        #expect(harness.state.creditStatus(of: T.buyer, at: harness.now)?.isFrozen == true)

        let frozen = harness.handle(T.authorize("ORD-3", T.cny(10_00)))
        #expect(frozen.rejection?.code == .creditFrozen)
        #expect(frozen.rejection?.reason.contains("ORD-1") == true)
        #expect(frozen.rejection?.available == T.cny(890_00))
        // Prepayment is not credit: still possible while frozen.
        #expect(harness.handle(T.authorize("ORD-4", T.cny(10_00), .prepayment)).rejection == nil)
        // Paying part of the invoice does not unfreeze; paying the rest does.
        harness.handle(T.bankTransfer("ORD-1", T.cny(40_00), transaction: "BT-1"))
        #expect(harness.handle(T.authorize("ORD-5", T.cny(10_00))).rejection?.code == .creditFrozen)
        harness.handle(T.bankTransfer("ORD-1", T.cny(60_00), transaction: "BT-2"))
        #expect(harness.state.creditStatus(of: T.buyer, at: harness.now)?.isFrozen == false)
        #expect(harness.handle(T.authorize("ORD-6", T.cny(10_00))).outcomes == [.authorized(method: .credit)])
    }

    @Test func invoicePastDue_freezesCredit_evenBeforeTheTimerMarksIt() {
        var harness = harnessWithCredit(1_000_00, termDays: 7)
        harness.handle(T.authorize("ORD-1", T.cny(100_00)))
        harness.handle(T.capture("ORD-1"))
        harness.advance(days: 7)
        #expect(harness.handle(T.authorize("ORD-2", T.cny(1_00))).rejection == nil, "due exactly now is not yet overdue")
        harness.advance(days: 0.001)
        #expect(harness.handle(T.authorize("ORD-3", T.cny(1_00))).rejection?.code == .creditFrozen)
    }

    @Test func refundOfTheOverdueInvoice_unfreezesCredit() {
        var harness = harnessWithCredit(1_000_00, termDays: 1)
        harness.handle(T.authorize("ORD-1", T.cny(100_00)))
        harness.handle(T.capture("ORD-1"))
        harness.advance(days: 2)
        harness.handle(T.markOverdue(at: harness.now))
        harness.handle(T.refund("RMA-1", "ORD-1", T.cny(100_00)))
        #expect(harness.state.creditStatus(of: T.buyer, at: harness.now)?.isFrozen == false)
        #expect(harness.state.creditStatus(of: T.buyer, at: harness.now)?.available == T.cny(1_000_00))
    }

    @Test func creditLine_needsFinance_andOnlyTheGrantorOrThePlatformMayChangeIt() {
        var harness = Harness()
        let buyerAdmin = PaymentActor(company: T.supplier, roles: ["company-admin"])
        #expect(harness.handle(T.creditLine(T.cny(1), by: buyerAdmin)).rejection?.code == .forbidden)
        let selfGrant = PaymentActor(company: T.buyer, roles: ["finance"])
        #expect(harness.handle(T.creditLine(T.cny(1), by: selfGrant)).rejection?.field == "by.company")
        let set = harness.handle(T.creditLine(T.cny(1_000), termDays: 30))
        #expect(set.types == ["payment.credit-line-set"])
        let otherSupplier = PaymentActor(company: T.otherSupplier, roles: ["finance"])
        #expect(harness.handle(T.creditLine(T.cny(9_999), by: otherSupplier)).rejection?.code == .forbidden)
        #expect(harness.handle(T.creditLine(T.cny(2_000), by: T.platformFinance)).rejection == nil)
        #expect(harness.state.account(of: T.buyer)?.creditLine
                == CreditLine(limit: T.cny(2_000), termDays: 30, grantedBy: T.platform))
        #expect(harness.handle(T.creditLine(T.cny(-1), by: T.platformFinance)).rejection?.field == "limit")
        #expect(harness.handle(T.creditLine(T.cny(1), termDays: 366, by: T.platformFinance)).rejection?.field == "termDays")
        // A rejected command is published too, with no reply (nobody in the saga asked).
        let rejected = harness.handle(T.creditLine(T.cny(1), termDays: -1, by: T.platformFinance))
        #expect(rejected.types == ["payment.command-rejected"] && rejected.replies.isEmpty)
    }

    @Test func loweringTheLimitBelowUse_isAllowed_andShowsNegativeAvailable() {
        var harness = harnessWithCredit(1_000_00)
        harness.handle(T.authorize("ORD-1", T.cny(800_00)))
        let lowered = harness.handle(T.creditLine(T.cny(500_00)))
        guard case let .creditLineSet(set)? = lowered.events.first else {
            Issue.record("expected credit-line-set")
            return
        }
        #expect(set.available == T.cny(-300_00))
        #expect(harness.handle(T.authorize("ORD-2", T.cny(1))).rejection?.available == T.cny(-300_00))
    }

    @Test func creditLineCurrency_cannotChange_whileCreditIsInUse() {
        var harness = harnessWithCredit(1_000_00)
        harness.handle(T.authorize("ORD-1", T.cny(100_00)))
        let usd = harness.handle(T.creditLine(Money(minorUnits: 1_000_00, currency: .usd)))
        #expect(usd.rejection?.code == .paymentCurrencyMismatch)
        harness.handle(T.void("ORD-1"))
        #expect(harness.handle(T.creditLine(Money(minorUnits: 1_000_00, currency: .usd))).rejection == nil)
    }

    @Test func authorizeValidation_namesTheField() {
        var harness = harnessWithCredit(1_000_00)
        let mismatch = harness.handle(T.authorize("ORD-1", T.cny(100), lines: [T.line("S1", amount: T.cny(99))]))
        #expect(mismatch.rejection?.field == "settlement")
        let duplicate = harness.handle(T.authorize("ORD-2", T.cny(100), lines: [
            T.line("S1", amount: T.cny(50)), T.line("S1", amount: T.cny(50)),
        ]))
        #expect(duplicate.rejection?.field == "settlement[1].subOrder")
        #expect(harness.handle(T.authorize("ORD-3", T.cny(0))).rejection?.field == "amount")
        #expect(harness.handle(T.authorize("ORD-4", T.cny(100), lines: [])).rejection?.field == "settlement")
        let tooMany = (0...1_000).map { T.line("S\($0)", amount: T.cny(1)) }
        #expect(harness.handle(T.authorize("ORD-5", T.cny(1_001), lines: tooMany)).rejection?.code == .limitExceeded)
    }

    @Test func repeatedAuthorize_withANewId_answersTheCurrentOutcome_orRefusesAConflict() {
        var harness = harnessWithCredit(1_000_00)
        harness.handle(T.authorize("ORD-1", T.cny(100_00)))
        let again = harness.handle(T.authorize("ORD-1", T.cny(100_00)))
        #expect(again.events.isEmpty && again.outcomes == [.authorized(method: .credit)])
        #expect(harness.state.creditStatus(of: T.buyer, at: harness.now)?.reserved == T.cny(100_00))
        #expect(harness.handle(T.authorize("ORD-1", T.cny(200_00))).rejection?.code == .authorizationConflict)
        harness.handle(T.void("ORD-1"))
        #expect(harness.handle(T.authorize("ORD-1", T.cny(100_00))).rejection?.code == .authorizationClosed)
    }
}

extension TestData {
    static func markOverdue(at now: Date, payer: CompanyID = buyer) -> PaymentCommand {
        .markOverdueDue(MarkOverdueDue(payer: payer, now: now))
    }
}
