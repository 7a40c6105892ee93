import Contracts
import Foundation
import PaymentCore
import Testing

/// 部分取消 on credit: a cancelled sub-order's credit is free again at once; the rest of the order
/// stays reserved, and is captured whole (then the cancelled part refunded) or voided later.
@Suite struct CreditPartReleaseTests {
    typealias T = TestData

    private static let lines = [T.line("ORD-1-S-TEA", amount: T.cny(600_00)),
                                T.line("ORD-1-S-FASTEN", supplier: T.otherSupplier, amount: T.cny(250_00)),
                                T.line("ORD-1-S-FASTEN", supplier: T.otherSupplier, category: ["Tools"], amount: T.cny(150_00))]

    private func harnessWithOrder() -> Harness {
        var harness = Harness()
        harness.handle(T.creditLine(T.cny(1_000_00)))
        harness.handle(T.authorize("ORD-1", T.cny(1_000_00), lines: Self.lines))
        return harness
    }

    private static func release(_ subOrders: [String], order: String = "ORD-1") -> PaymentCommand {
        .releaseCredit(ReleaseCredit(order: T.id(order), payer: T.buyer, subOrders: subOrders, reason: "out of stock"))
    }

    @Test func releasesTheCancelledSubOrdersLines_andLeavesTheRestReserved() {
        var harness = harnessWithOrder()
        #expect(harness.handle(T.authorize("ORD-2", T.cny(100_00))).rejection?.code == .creditLimitExceeded)
        let decision = harness.handle(Self.release(["ORD-1-S-FASTEN"]))
        #expect(decision.types == ["payment.credit-partly-released"])
        #expect(decision.replies.isEmpty, "the order service does not wait for it")
        guard case let .creditPartlyReleased(released)? = decision.events.first else { return }
        #expect(released.amount == T.cny(400_00), "both settlement lines of the sub-order")
        #expect(released.stillReserved == T.cny(600_00))
        #expect(released.available == T.cny(400_00))
        let status = harness.state.creditStatus(of: T.buyer, at: harness.now)
        #expect(status?.reserved == T.cny(600_00) && status?.available == T.cny(400_00))
        #expect(harness.handle(T.authorize("ORD-2", T.cny(400_00))).outcomes == [.authorized(method: .credit)])
    }

    @Test func aRepeat_orASubOrderReleasedBefore_changesNothing() {
        var harness = harnessWithOrder()
        harness.handle(Self.release(["ORD-1-S-FASTEN"]), id: "cmd-release")
        let before = harness.state
        #expect(harness.handle(Self.release(["ORD-1-S-FASTEN"]), id: "cmd-release").isDuplicate)
        let again = harness.handle(Self.release(["ORD-1-S-FASTEN", "ORD-1-S-FASTEN"]))
        #expect(again.events.isEmpty && again.rejection == nil)
        #expect(harness.state.creditStatus(of: T.buyer, at: harness.now)?.reserved
            == before.creditStatus(of: T.buyer, at: harness.now)?.reserved)
        // Applying the event a second time (a replay) leaves the release counted once.
        let replayed = harness.state.applying(harness.handle(Self.release(["ORD-1-S-TEA"])).events)
        #expect(replayed.creditStatus(of: T.buyer, at: harness.now)?.reserved == T.cny(0))
    }

    @Test func voidAfterAPartRelease_releasesOnlyWhatIsStillReserved() {
        var harness = harnessWithOrder()
        harness.handle(Self.release(["ORD-1-S-FASTEN"]))
        let void = harness.handle(T.void("ORD-1"))
        guard case let .creditReleased(released)? = void.events.first else {
            Issue.record("expected credit-released, got \(void.types)")
            return
        }
        #expect(released.amount == T.cny(600_00))
        #expect(released.available == T.cny(1_000_00))
        #expect(harness.state.creditStatus(of: T.buyer, at: harness.now)?.available == T.cny(1_000_00))
    }

    @Test func captureAfterAPartRelease_invoicesTheWhole_andTheRefundLeavesOnlyTheRestOwed() {
        var harness = harnessWithOrder()
        harness.handle(Self.release(["ORD-1-S-FASTEN"]))
        #expect(harness.handle(T.capture("ORD-1")).outcomes == [.captured])
        let refund = RefundPayment(refund: "ORD-1-R-cancelled-sub-orders", order: T.id("ORD-1"), payer: T.buyer,
                                   amount: T.cny(400_00), reason: "cancelled", replyKey: T.buyer.rawValue,
                                   lines: Array(Self.lines.dropFirst()))
        #expect(harness.handle(.refund(refund)).rejection == nil)
        let status = harness.state.creditStatus(of: T.buyer, at: harness.now)
        #expect(status?.reserved == T.cny(0) && status?.outstanding == T.cny(600_00))
        #expect(status?.available == T.cny(400_00))
        // Once captured, nothing is left to release: a late release changes nothing.
        #expect(harness.handle(Self.release(["ORD-1-S-TEA"])).events.isEmpty)
    }

    @Test func refuses_unknownSubOrders_nonCreditOrders_andUnknownOrders() {
        var harness = harnessWithOrder()
        let unknown = harness.handle(Self.release(["ORD-1-S-FASTEN", "ORD-1-S-NOPE"]))
        #expect(unknown.rejection?.field == "subOrders[1]")
        #expect(harness.state.creditStatus(of: T.buyer, at: harness.now)?.reserved == T.cny(1_000_00), "nothing released")
        #expect(harness.handle(Self.release([])).rejection?.field == "subOrders")
        #expect(harness.handle(Self.release(["X"], order: "ORD-9")).rejection?.code == .unknownAuthorization)
        harness.handle(T.authorize("ORD-3", T.cny(50_00), .prepayment))
        let prepaid = harness.handle(Self.release(["ORD-3-S-\(T.supplier)"], order: "ORD-3"))
        #expect(prepaid.rejection?.field == "order" && prepaid.rejection?.reason.contains("not on credit") == true)
    }
}
