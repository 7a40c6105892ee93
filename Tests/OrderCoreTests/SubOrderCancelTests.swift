import Contracts
import Foundation
import Testing
@testable import OrderCore

/// One supplier's part of a confirmed order cancelled before it ships: the rest goes on, the
/// order still reaches a final state, and the money of the part is given back.
@Suite struct SubOrderCancelTests {
    typealias Two = FulfilmentTests

    @Test func theSupplierCancelsItsPart_stockComesBack_andTheRestGoesOn() throws {
        var saga = Two.confirmedTwoSupplierOrder()
        let handled = saga.send(T.cancelSubOrder("O-1", of: T.supplierB))
        #expect(handled.eventTypes == ["order.sub-order-cancelled"])
        guard case let .subOrderCancelled(event)? = handled.events.first else { Issue.record("no event"); return }
        #expect(event.released == ["O-1-L2"] && event.by == T.supplierB && event.amount == T.cny(1_000_00))
        // Committed at confirmation (`OrderPolicy`'s default; the service commits at shipment, where a
        // reservation is released instead): the units are received back.
        #expect(handled.releases.isEmpty)
        #expect(handled.receipts.map { "\($0.sku) \($0.warehouse) \($0.quantity) \($0.reference)" } == ["B \(T.warehouse) 10 CANCEL O-1"])
        #expect(handled.captures.isEmpty && handled.refunds.isEmpty && handled.voids.isEmpty)
        // On credit, the part's share of the reservation is given back now, not at completion.
        #expect(handled.creditReleases.map(\.subOrders) == [["O-1-S-SUP-CUPS"]])
        #expect(handled.creditReleases.first?.payer == T.buyer && handled.creditReleases.first?.order == T.id("O-1"))
        let summary = try #require(handled.replySummary)
        #expect(summary.status == .confirmed)
        #expect(summary.subOrders.map(\.status) == [.open, .cancelled])
        #expect(summary.subOrders[1].cancellation == OrderSummary.Cancellation(by: T.supplierB, user: T.id("u-cancel"),
                                                                               reason: "cannot deliver", at: T.t0))
        #expect(summary.subOrders[0].cancellation == nil)
        #expect(summary.lines.map(\.reservation) == [.committed, .released])
        #expect(summary.history.last?.reason.contains("cancelled by SUP-CUPS (u-cancel): cannot deliver") == true)
    }

    @Test func theRestDelivered_completesTheOrder_capturesIt_andRefundsTheCancelledPart() throws {
        var saga = Two.confirmedTwoSupplierOrder()
        saga.send(T.cancelSubOrder("O-1", of: T.supplierB, by: T.buyer))
        saga.send(T.ship("O-1", supplier: T.supplierA))
        let last = saga.send(T.deliver("O-1", supplier: T.supplierA))
        #expect(last.eventTypes == ["order.sub-order-delivered", "order.completed"])
        #expect(last.captures.count == 1)
        let refund = try #require(last.refunds.first)
        #expect(refund.refund == "O-1-R-cancelled-sub-orders" && refund.amount == T.cny(1_000_00))
        #expect(refund.lines?.map(\.subOrder) == ["O-1-S-SUP-CUPS"])
        #expect(refund.lines?.map(\.amount) == [T.cny(1_000_00)])
        #expect(last.outboxTypes == ["payment.capture", "payment.refund"], "the refund follows the capture it reverses")

        saga.send(T.payment("O-1", .captured))
        let refunded = saga.send(T.payment("O-1", .refunded(refund: refund.refund, amount: refund.amount)))
        #expect(refunded.eventTypes == ["order.payment-recorded"])
        let summary = try #require(saga.summary("O-1"))
        #expect(summary.status == .completed && summary.payment.status == .captured, "only part was refunded")
        #expect(summary.history.last?.reason == "refund O-1-R-cancelled-sub-orders of 1000.00 CNY for the cancelled sub-orders issued")
        #expect(saga.send(T.payment("O-1", .refunded(refund: refund.refund, amount: refund.amount))).isDuplicate)
    }

    @Test func aPlatformOperator_cancelsAPart_forBothSides() throws {
        var saga = Two.confirmedTwoSupplierOrder()
        let handled = saga.send(.cancelSubOrder(CancelSubOrder(
            order: T.id("O-1"), buyer: T.buyer, subOrder: "O-1-S-SUP-CUPS", by: T.id("PLATFORM"), user: T.id("u-ops"),
            reason: "supplier unreachable", replyTo: T.replyTo, byPlatform: true)))
        #expect(handled.eventTypes == ["order.sub-order-cancelled"])
        #expect(handled.creditReleases.map(\.subOrders) == [["O-1-S-SUP-CUPS"]])
        let summary = try #require(handled.replySummary)
        #expect(summary.subOrders[1].cancellation?.by == T.id("PLATFORM"))
        #expect(summary.history.last?.reason.contains("cancelled by PLATFORM (u-ops): supplier unreachable") == true)
    }

    @Test func aPrepaidOrdersCancelledPart_isRefundedAtCompletion_notReleased() {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A", supplier: T.supplierA), T.line("B", supplier: T.supplierB)],
                          method: .prepayment))
        saga.send(T.reserved("O-1", line: 1, sku: "A"))
        saga.send(T.reserved("O-1", line: 2, sku: "B"))
        saga.send(T.payment("O-1", .awaitingPayment(method: .prepayment, reference: "O-1")))
        saga.send(T.payment("O-1", .paid(amount: T.cny(2_000_00))))
        #expect(saga.status("O-1") == .confirmed)
        let handled = saga.send(T.cancelSubOrder("O-1", of: T.supplierB))
        #expect(handled.eventTypes == ["order.sub-order-cancelled"])
        #expect(handled.creditReleases.isEmpty, "no credit is held for a prepaid order")
    }

    @Test func cancellingTheLastPartToCome_afterTheRestWasDelivered_completesAtOnce() {
        var saga = Two.confirmedTwoSupplierOrder()
        saga.send(T.ship("O-1", supplier: T.supplierA))
        saga.send(T.deliver("O-1", supplier: T.supplierA))
        let handled = saga.send(T.cancelSubOrder("O-1", of: T.supplierB, by: T.buyer))
        #expect(handled.eventTypes == ["order.sub-order-cancelled", "order.completed"])
        #expect(handled.outboxTypes == ["inventory.receive-stock", "payment.capture", "payment.refund"])
        #expect(saga.status("O-1") == .completed)
    }

    @Test func cancellingEveryPart_beforeAnythingShipped_cancelsTheWholeOrder() {
        var saga = Two.confirmedTwoSupplierOrder()
        saga.send(T.cancelSubOrder("O-1", of: T.supplierB))
        let handled = saga.send(T.cancelSubOrder("O-1", of: T.supplierA))
        #expect(handled.eventTypes == ["order.cancelled"])
        #expect(handled.voids.count == 1, "nothing was captured: the authorization is voided")
        #expect(handled.receipts.map(\.sku.rawValue) == ["A"], "B's stock came back with its own cancellation")
        #expect(saga.status("O-1") == .cancelled)
        #expect(saga.summary("O-1")?.subOrders.map(\.status) == [.cancelled, .cancelled])
    }

    @Test func refusals_nameWhy_andChangeNothing() {
        var saga = Two.confirmedTwoSupplierOrder()
        let escaped = saga.send(.cancelSubOrder(CancelSubOrder(
            order: T.id("O-1"), buyer: T.buyer, subOrder: "O-1-S-SUP-CUPS", by: T.supplierB, user: T.id("u-1"),
            reason: "\u{1B}[31mred", replyTo: T.replyTo)))
        #expect(escaped.rejection?.field == "reason" && escaped.rejection?.message.contains("U+001B") == true)
        let long = saga.send(.cancelSubOrder(CancelSubOrder(
            order: T.id("O-1"), buyer: T.buyer, subOrder: String(repeating: "S", count: 3_000), by: T.buyer, user: T.id("u-1"),
            reason: "why", replyTo: T.replyTo)))
        #expect(long.rejection?.message == "order O-1 has no sub-order (an id of 3000 characters)")
        let stranger = saga.send(T.cancelSubOrder("O-1", of: T.supplierB, by: T.supplierA))
        #expect(stranger.rejection?.code == .forbidden && stranger.rejection?.field == "by")
        let notVouched = saga.send(T.cancelSubOrder("O-1", of: T.supplierB, by: T.id("PLATFORM")))
        #expect(notVouched.rejection?.code == .forbidden, "another company is the platform only when the gateway says so")
        saga.send(T.ship("O-1", supplier: T.supplierB))
        #expect(saga.send(T.cancelSubOrder("O-1", of: T.supplierB)).rejection?.message
            == "sub-order O-1-S-SUP-CUPS has shipped; it can no longer be cancelled")
        #expect(saga.send(T.cancelSubOrder("O-1", of: T.supplierB, by: T.buyer)).rejection?.message
            == "sub-order O-1-S-SUP-CUPS has shipped; it can no longer be cancelled (what arrived can be returned instead)")
        saga.send(T.cancelSubOrder("O-1", of: T.supplierA))
        #expect(saga.send(T.cancelSubOrder("O-1", of: T.supplierA)).rejection?.message
            == "sub-order O-1-S-SUP-TEA is already cancelled")
        let shipped = saga.send(T.ship("O-1", supplier: T.supplierA))
        #expect(shipped.rejection?.message == "sub-order O-1-S-SUP-TEA was cancelled; do not ship it")
        #expect(shipped.eventTypes == ["order.command-rejected"])
        #expect(saga.send(T.deliver("O-1", supplier: T.supplierA)).rejection?.message
            == "sub-order O-1-S-SUP-TEA was cancelled; nothing of it was shipped to deliver")
        #expect(saga.send(T.cancel("O-1")).rejection?.message
            == "sub-order O-1-S-SUP-CUPS of order O-1 has shipped; the order can no longer be cancelled")

        var early = Saga()
        early.send(T.place("O-2", lines: [T.line("A"), T.line("B", supplier: T.supplierB)]))
        #expect(early.send(T.cancelSubOrder("O-2")).rejection?.message
            == "order O-2 is reserving stock; until it is confirmed only the buyer cancels it, whole")
    }

    @Test func aCancelledPart_cannotBeReturned() {
        var saga = Two.confirmedTwoSupplierOrder()
        saga.send(T.cancelSubOrder("O-1", of: T.supplierB))
        saga.send(T.ship("O-1", supplier: T.supplierA))
        saga.send(T.deliver("O-1", supplier: T.supplierA))
        let handled = saga.send(.requestReturn(RequestReturn(
            order: T.id("O-1"), buyer: T.buyer, returnId: "RMA-1",
            lines: [ReturnLine(sku: T.id("B"), quantity: 1, reason: "never came")], requestedBy: T.purchaser, replyTo: T.replyTo)))
        #expect(handled.rejection?.message.contains("cancelled before it shipped") == true)
    }

    @Test func theEventsFoldedAgain_giveTheSameOrderAndDesks() {
        var saga = Two.confirmedTwoSupplierOrder()
        saga.send(T.cancelSubOrder("O-1", of: T.supplierB))
        saga.send(T.ship("O-1", supplier: T.supplierA))
        saga.send(T.deliver("O-1", supplier: T.supplierA))
        let rebuilt = OrderState().applying(saga.log)
        #expect(rebuilt.desks == saga.state.desks)
        #expect(rebuilt.summary(of: T.id("O-1"), buyer: T.buyer) == saga.state.summary(of: T.id("O-1"), buyer: T.buyer))
        for event in saga.log { saga.state.apply(event) }
        #expect(saga.state.desks == rebuilt.desks)
    }
}
