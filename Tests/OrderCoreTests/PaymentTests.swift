import Contracts
import Foundation
import Testing
@testable import OrderCore

@Suite struct PaymentTests {
    @Test func creditAuthorization_confirmsTheOrder_andCommitsEveryReservation() throws {
        var saga = Saga()
        saga.placeAndReserve("O-1")
        let handled = saga.send(T.payment("O-1", .authorized(method: .credit)))
        #expect(handled.eventTypes == ["order.confirmed"])
        #expect(handled.commits.map(\.reservation) == ["O-1-L1", "O-1-L2"])
        #expect(handled.output.outbox.map(\.key) == ["TEA-1", "TEA-2"])
        let summary = try #require(saga.summary("O-1"))
        #expect(summary.status == .confirmed)
        #expect(summary.payment.status == .authorized)
        #expect(summary.lines.map(\.reservation) == [.committed, .committed])
        #expect(summary.deadline == nil)
    }

    @Test func bankTransfer_waitsForPaymentWithAReference_thenConfirmsWhenPaid() throws {
        var saga = Saga()
        saga.placeAndReserve("O-1", method: .bankTransfer)
        let waiting = saga.send(T.payment("O-1", .awaitingPayment(method: .bankTransfer, reference: "TF-8812")))
        #expect(waiting.eventTypes == ["order.awaiting-payment"])
        guard case let .awaitingPayment(event)? = waiting.events.first else { Issue.record("no event"); return }
        #expect(event.dueBy == T.t0.addingTimeInterval(48 * T.hour))
        #expect(event.amount == T.cny(2_000_00))
        #expect(saga.summary("O-1")?.payment.reference == "TF-8812")
        #expect(saga.summary("O-1")?.payment.status == .awaitingPayment)

        #expect(saga.send(T.payment("O-1", .awaitingPayment(method: .bankTransfer, reference: "TF-8812"))).isDuplicate)

        let paid = saga.send(T.payment("O-1", .paid(amount: T.cny(2_000_00))))
        #expect(paid.eventTypes == ["order.confirmed"])
        #expect(saga.summary("O-1")?.payment.status == .paid)
        #expect(saga.status("O-1") == .confirmed)
    }

    @Test func aFailedPaymentAttempt_goesIntoTheHistory_andTheOrderKeepsWaiting() throws {
        var saga = Saga()
        saga.placeAndReserve("O-1", method: .prepayment)
        saga.send(T.payment("O-1", .awaitingPayment(method: .prepayment, reference: "O-1")))
        let failed = saga.send(T.payment("O-1", .attemptFailed(amount: T.cny(2_000_00), reason: "card declined")))
        #expect(failed.eventTypes == ["order.payment-recorded"])
        let summary = try #require(saga.summary("O-1"))
        #expect(summary.status == .awaitingPayment && summary.payment.status == .awaitingPayment)
        #expect(summary.history.last?.reason.hasPrefix("payment attempt of 2000.00 CNY failed: card declined; still waiting for payment by ") == true)
        // Applied again (a replay after a restart), the event adds nothing.
        let history = saga.summary("O-1")?.history
        for event in saga.log { saga.state.apply(event) }
        #expect(saga.summary("O-1")?.history == history)
        // Paid after all: confirmed; a failure reported late changes nothing more.
        #expect(saga.send(T.payment("O-1", .paid(amount: T.cny(2_000_00)))).eventTypes == ["order.confirmed"])
        #expect(saga.send(T.payment("O-1", .attemptFailed(amount: T.cny(2_000_00), reason: "late"))).isDuplicate)
        let usd = saga.send(T.payment("O-1", .attemptFailed(amount: Money(minorUnits: 1, currency: .usd), reason: "x")))
        #expect(usd.isDuplicate, "after confirmation nothing about an attempt is checked or kept")
    }

    @Test func paymentThatDoesNotCoverTheTotal_isRejected() {
        var saga = Saga()
        saga.placeAndReserve("O-1", method: .prepayment)
        let short = saga.send(T.payment("O-1", .paid(amount: T.cny(1_999_99))))
        #expect(short.rejection?.field == "outcome.amount")
        #expect(short.rejection?.message == "order O-1 totals 2000.00 CNY; a payment of 1999.99 CNY does not cover it")
        #expect(saga.send(T.payment("O-1", .paid(amount: Money(minorUnits: 9_999_99, currency: .usd)))).rejection != nil)
        #expect(saga.status("O-1") == .awaitingPayment)
    }

    @Test func refusedPayment_rejectsTheOrder_andReleasesEveryReservation() throws {
        var saga = Saga()
        saga.placeAndReserve("O-1")
        let refused = saga.send(T.payment("O-1", .rejected(code: RejectionCode(rawValue: "credit-limit-exceeded"),
                                                           reason: "credit line 500,000.00 CNY has 1,200.00 CNY left")))
        #expect(refused.eventTypes == ["order.rejected"])
        #expect(refused.releases.map(\.reservation) == ["O-1-L1", "O-1-L2"])
        #expect(refused.voids.isEmpty)
        let summary = try #require(saga.summary("O-1"))
        #expect(summary.status == .rejected)
        #expect(summary.statusReason == "payment refused: credit line 500,000.00 CNY has 1,200.00 CNY left (credit-limit-exceeded)")
        #expect(summary.payment.status == .rejected)
        #expect(summary.lines.map(\.reservation) == [.released, .released])
    }

    @Test func repeatedConfirmation_isADuplicate_andARejectionAfterConfirmationIsRefused() {
        var saga = Saga()
        saga.confirmOnCredit("O-1")
        #expect(saga.send(T.payment("O-1", .authorized(method: .credit))).isDuplicate)
        let late = saga.send(T.payment("O-1", .rejected(code: RejectionCode(rawValue: "credit-frozen"), reason: "frozen")))
        #expect(late.rejection?.message == "order O-1 is confirmed; a payment rejection no longer applies")
        #expect(saga.status("O-1") == .confirmed)
    }

    @Test func paymentAnswerBeforePaymentWasRequested_isRejected() {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A")]))
        let early = saga.send(T.payment("O-1", .authorized(method: .credit)))
        #expect(early.rejection?.code == .invalidOrderState)
        #expect(early.rejection?.message
            == "payment for order O-1 was not requested yet (the order is reserving stock); the answer \"authorized\" does not apply")
    }

    /// The expiry asked payment to void the authorization; payment, having taken the money first,
    /// voids it by owing the money back to the buyer. The late answer is recorded once and asks for
    /// nothing more (a refund is only for captured money, and payment would refuse it).
    @Test func moneyArrivingAfterExpiry_isGivenBackByTheVoid_recordedOnce() throws {
        var saga = Saga()
        saga.placeAndReserve("O-1", method: .bankTransfer)
        saga.send(T.payment("O-1", .awaitingPayment(method: .bankTransfer, reference: "TF-1")))
        saga.advance(49 * T.hour)
        let expiry = saga.send(.expireDue(ExpireDue(buyer: T.buyer, now: saga.now)))
        #expect(expiry.voids.count == 1)
        let late = saga.send(T.payment("O-1", .paid(amount: T.cny(2_000_00))))
        #expect(late.eventTypes == ["order.payment-recorded"])
        #expect(late.refunds.isEmpty && late.voids.isEmpty)
        #expect(saga.summary("O-1")?.payment.status == .voidRequested)
        #expect(saga.summary("O-1")?.history.last?.reason
            == "payment of 2000.00 CNY arrived after the order ended; the void gives it back to the buyer")
        #expect(saga.send(T.payment("O-1", .paid(amount: T.cny(2_000_00)))).isDuplicate)
        let voided = saga.send(T.payment("O-1", .voided))
        #expect(voided.eventTypes == ["order.payment-recorded"])
        #expect(saga.summary("O-1")?.payment.status == .voided)
    }

    @Test func lateAuthorization_afterCancellation_needsNothingMore_becauseTheVoidWasSent() {
        var saga = Saga()
        saga.placeAndReserve("O-1")
        let cancel = saga.send(T.cancel("O-1"))
        #expect(cancel.voids.count == 1)
        let late = saga.send(T.payment("O-1", .authorized(method: .credit)))
        #expect(late.isDuplicate)
        let voided = saga.send(T.payment("O-1", .voided))
        #expect(voided.eventTypes == ["order.payment-recorded"])
        #expect(saga.summary("O-1")?.payment.status == .voided)
        #expect(saga.send(T.payment("O-1", .voided)).isDuplicate)
    }

    @Test func lateAuthorization_afterAPaymentRejection_isVoided() {
        var saga = Saga()
        saga.placeAndReserve("O-1")
        saga.send(T.payment("O-1", .rejected(code: RejectionCode(rawValue: "credit-frozen"), reason: "frozen")))
        let late = saga.send(T.payment("O-1", .authorized(method: .credit)))
        #expect(late.eventTypes == ["order.payment-recorded"])
        #expect(late.voids.first?.reason == "order O-1 was rejected; releasing a late authorization")
        #expect(saga.summary("O-1")?.payment.status == .voidRequested)
    }

    @Test func captureAnswer_isRecordedOnlyAfterCaptureWasRequested() {
        var saga = Saga()
        saga.confirmOnCredit("O-1")
        #expect(saga.send(T.payment("O-1", .captured)).rejection?.code == .invalidOrderState)
        saga.send(T.ship("O-1"))
        saga.send(T.deliver("O-1"))
        let captured = saga.send(T.payment("O-1", .captured))
        #expect(captured.eventTypes == ["order.payment-recorded"])
        #expect(saga.summary("O-1")?.payment.status == .captured)
        #expect(saga.send(T.payment("O-1", .captured)).isDuplicate)
    }

    @Test func commitAtShipmentPolicy_commitsOnlyTheShippedSubOrdersLines() {
        var policy = OrderPolicy()
        policy.commitStockAt = .shipment
        var saga = Saga(policy: policy)
        saga.send(T.place("O-1", lines: [T.line("A", supplier: T.supplierA), T.line("B", supplier: T.supplierB)]))
        saga.send(T.reserved("O-1", line: 1, sku: "A"))
        saga.send(T.reserved("O-1", line: 2, sku: "B"))
        let confirmed = saga.send(T.payment("O-1", .authorized(method: .credit)))
        #expect(confirmed.commits.isEmpty)
        #expect(saga.summary("O-1")?.lines.map(\.reservation) == [.reserved, .reserved])
        let shipped = saga.send(T.ship("O-1", supplier: T.supplierB))
        #expect(shipped.commits.map(\.reservation) == ["O-1-L2"])
        #expect(saga.summary("O-1")?.lines.map(\.reservation) == [.reserved, .committed])
    }
}
