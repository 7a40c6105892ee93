import Contracts
import Foundation
import Testing
@testable import OrderCore

@Suite struct CancelTests {
    @Test func cancelWhilePendingApproval_hasNothingToUndo() throws {
        var saga = Saga()
        saga.send(T.rules([ApprovalRule(name: "all", roles: ["approver"])]))
        saga.send(T.place("O-1", lines: [T.line("A")]))
        let handled = saga.send(T.cancel("O-1"))
        #expect(handled.eventTypes == ["order.cancelled"])
        #expect(handled.outbox.isEmpty)
        let summary = try #require(handled.replySummary)
        #expect(summary.status == .cancelled)
        #expect(summary.statusReason == "cancelled by u-purchaser: plans changed")
        #expect(summary.deadline == nil)
        #expect(saga.state.nextDeadline == nil)
    }

    @Test func cancelWhileReservingStock_releasesReservedLines_andLaterOnesWhenTheyArrive() {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A"), T.line("B")]))
        saga.send(T.reserved("O-1", line: 1, sku: "A"))
        let handled = saga.send(T.cancel("O-1"))
        #expect(handled.releases.map(\.reservation) == ["O-1-L1"])
        #expect(handled.releases.first?.reason == "order O-1 cancelled by u-purchaser: plans changed")
        #expect(handled.voids.isEmpty)
        guard case let .cancelled(event)? = handled.events.first else { Issue.record("no event"); return }
        #expect(event.cancelledIn == .reservingStock && event.released == ["O-1-L1"] && event.payment == nil)
        let late = saga.send(T.reserved("O-1", line: 2, sku: "B"))
        #expect(late.releases.map(\.reservation) == ["O-1-L2"])
        #expect(saga.summary("O-1")?.lines.map(\.reservation) == [.released, .released])
    }

    @Test func cancelWhileAwaitingPayment_releasesEverything_andVoidsTheAuthorization() {
        var saga = Saga()
        saga.placeAndReserve("O-1")
        let handled = saga.send(T.cancel("O-1"))
        #expect(handled.outboxTypes == ["inventory.release-reservation", "inventory.release-reservation", "payment.void"])
        #expect(handled.voids.first?.payer == T.buyer)
        #expect(saga.summary("O-1")?.payment.status == .voidRequested)
    }

    /// Stock committed at confirmation has left on-hand (inventory refuses to release a committed
    /// reservation), so the cancellation receives it back into the warehouses it was allocated from.
    @Test func cancelAfterConfirmation_receivesCommittedStockBack_andVoidsCredit() throws {
        var saga = Saga()
        saga.confirmOnCredit("O-1")
        let lines = try #require(saga.summary("O-1")?.lines)
        let handled = saga.send(T.cancel("O-1"))
        #expect(handled.releases.isEmpty)
        let expected = lines.flatMap { line in line.allocations.map { "\(line.sku) \($0.warehouse) \($0.quantity)" } }
        #expect(!expected.isEmpty)
        #expect(handled.receipts.map { "\($0.sku) \($0.warehouse) \($0.quantity)" } == expected)
        #expect(handled.receipts.allSatisfy { $0.reference == "CANCEL O-1" })
        #expect(handled.voids.count == 1)
        guard case let .cancelled(event)? = handled.events.first else { Issue.record("no event"); return }
        #expect(event.cancelledIn == .confirmed && event.payment == .void)
        #expect(saga.summary("O-1")?.lines.map(\.reservation) == [.released, .released])
    }

    /// Paid but not captured (capture is at completion): payment refuses to refund it, and voiding
    /// it owes the money back to the buyer.
    @Test func cancelAfterPrepayment_voidsThePaidAuthorization() {
        var saga = Saga()
        saga.placeAndReserve("O-1", method: .prepayment)
        saga.send(T.payment("O-1", .paid(amount: T.cny(2_000_00))))
        #expect(saga.status("O-1") == .confirmed)
        let handled = saga.send(T.cancel("O-1"))
        #expect(handled.refunds.isEmpty)
        #expect(handled.voids.map(\.order.rawValue) == ["O-1"])
        guard case let .cancelled(event)? = handled.events.first else { Issue.record("no event"); return }
        #expect(event.payment == .void)
        #expect(saga.summary("O-1")?.payment.status == .voidRequested)
        #expect(saga.send(T.payment("O-1", .voided)).eventTypes == ["order.payment-recorded"])
        #expect(saga.summary("O-1")?.payment.status == .voided)
    }

    @Test func cancelAfterASubOrderShipped_isRejected() {
        var saga = Saga()
        saga.confirmOnCredit("O-1")
        saga.send(T.ship("O-1"))
        let handled = saga.send(T.cancel("O-1"))
        #expect(handled.rejection?.code == .invalidOrderState)
        #expect(handled.rejection?.message == "sub-order O-1-S-SUP-TEA of order O-1 has shipped; the order can no longer be cancelled")
        #expect(saga.status("O-1") == .confirmed)
    }

    @Test func cancelAnEndedOrder_isRejected_withItsStatus() {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A")]))
        saga.send(T.cancel("O-1"))
        #expect(saga.send(T.cancel("O-1")).rejection?.message == "order O-1 is already cancelled")
        saga.confirmOnCredit("O-2")
        saga.send(T.ship("O-2"))
        saga.send(T.deliver("O-2"))
        #expect(saga.send(T.cancel("O-2")).rejection?.message == "order O-2 is completed; it can no longer be cancelled")
    }

    @Test func cancelNeedsAReason_andTheBuyersOwnOrder() {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A")]))
        let blank = saga.send(.cancel(CancelOrder(order: T.id("O-1"), buyer: T.buyer, by: T.purchaser, reason: "")))
        #expect(blank.rejection?.field == "reason")
        let foreign = saga.send(.cancel(CancelOrder(order: T.id("O-1"), buyer: T.otherBuyer, by: T.purchaser, reason: "x")))
        #expect(foreign.rejection?.code == .orderNotFound)
        #expect(foreign.rejection?.message == "buyer BUYER-OTHER has no order O-1")
        #expect(saga.status("O-1") == .reservingStock)
    }
}
