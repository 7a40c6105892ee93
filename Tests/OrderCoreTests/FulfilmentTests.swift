import Contracts
import Foundation
import Testing
@testable import OrderCore

@Suite struct FulfilmentTests {
    /// A confirmed order with one line from each of two suppliers.
    static func confirmedTwoSupplierOrder() -> Saga {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A", supplier: T.supplierA), T.line("B", supplier: T.supplierB)]))
        saga.send(T.reserved("O-1", line: 1, sku: "A"))
        saga.send(T.reserved("O-1", line: 2, sku: "B"))
        saga.send(T.payment("O-1", .authorized(method: .credit)))
        return saga
    }

    @Test func supplierShipsItsSubOrder_withTracking() throws {
        var saga = Self.confirmedTwoSupplierOrder()
        let handled = saga.send(T.ship("O-1", supplier: T.supplierB))
        #expect(handled.eventTypes == ["order.sub-order-shipped"])
        #expect(handled.outbox.isEmpty)
        let summary = try #require(handled.replySummary)
        #expect(summary.status == .confirmed)
        #expect(summary.subOrders.map(\.status) == [.open, .shipped])
        #expect(summary.subOrders[1].shipment == OrderSummary.Shipment(carrier: "SF Express", trackingNumber: "SF1234567890",
                                                                       shippedAt: T.t0))
    }

    @Test func onlyTheSubOrdersSupplier_mayShipIt() {
        var saga = Self.confirmedTwoSupplierOrder()
        let wrong = saga.send(.ship(ShipSubOrder(order: T.id("O-1"), buyer: T.buyer, subOrder: "O-1-S-SUP-TEA", carrier: "SF",
                                                 trackingNumber: "1", by: T.supplierB)))
        #expect(wrong.rejection?.code == .forbidden)
        #expect(wrong.rejection?.field == "by")
        #expect(wrong.rejection?.message == "SUP-CUPS does not supply sub-order O-1-S-SUP-TEA; only its supplier ships it")
    }

    @Test func shippingBeforeConfirmation_orTwice_orAnUnknownSubOrder_isRejected() {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A")]))
        #expect(saga.send(T.ship("O-1")).rejection?.message == "order O-1 is reserving stock; it cannot ship before it is confirmed")
        saga.send(T.reserved("O-1", line: 1, sku: "A"))
        saga.send(T.payment("O-1", .authorized(method: .credit)))
        saga.send(T.ship("O-1"))
        #expect(saga.send(T.ship("O-1")).rejection?.message == "sub-order O-1-S-SUP-TEA already shipped via SF Express, tracking SF1234567890")
        #expect(saga.send(T.ship("O-1", supplier: T.supplierB)).rejection?.field == "subOrder")
    }

    @Test func deliveryOfEverySubOrder_completesTheOrder_andCapturesPayment() throws {
        var saga = Self.confirmedTwoSupplierOrder()
        saga.send(T.ship("O-1", supplier: T.supplierA))
        saga.send(T.ship("O-1", supplier: T.supplierB))
        let first = saga.send(T.deliver("O-1", supplier: T.supplierA))
        #expect(first.eventTypes == ["order.sub-order-delivered"])
        #expect(saga.status("O-1") == .confirmed)
        let last = saga.send(T.deliver("O-1", supplier: T.supplierB))
        #expect(last.eventTypes == ["order.sub-order-delivered", "order.completed"])
        #expect(last.captures == [CapturePaymentRequest(order: T.id("O-1"), payer: T.buyer, replyKey: "BUYER-ACME")])
        #expect(last.output.outbox.map(\.key) == ["BUYER-ACME"])
        let summary = try #require(last.replySummary)
        #expect(summary.status == .completed)
        #expect(summary.payment.status == .captureRequested)
        #expect(summary.subOrders.map(\.status) == [.delivered, .delivered])
        #expect(summary.history.map(\.status) == [.reservingStock, .awaitingPayment, .confirmed, .confirmed, .confirmed,
                                                  .confirmed, .confirmed, .completed])
    }

    @Test func deliveringAnUnshippedOrDeliveredSubOrder_isRejected() {
        var saga = Self.confirmedTwoSupplierOrder()
        #expect(saga.send(T.deliver("O-1")).rejection?.message == "sub-order O-1-S-SUP-TEA has not shipped yet; it cannot be delivered")
        saga.send(T.ship("O-1"))
        saga.send(T.deliver("O-1"))
        #expect(saga.send(T.deliver("O-1")).rejection?.message == "sub-order O-1-S-SUP-TEA is already delivered")
    }

    @Test func shippingOrDeliveringAnEndedOrder_isRejected() {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A")]))
        saga.send(T.cancel("O-1"))
        #expect(saga.send(T.ship("O-1")).rejection?.message == "order O-1 is cancelled; nothing can ship any more")
        #expect(saga.send(T.deliver("O-1")).rejection?.message == "order O-1 is cancelled; nothing of it was shipped to deliver")
    }
}
