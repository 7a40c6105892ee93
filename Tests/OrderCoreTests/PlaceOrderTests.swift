import Contracts
import Foundation
import Testing
@testable import OrderCore

@Suite struct PlaceOrderTests {
    @Test func placesOrder_withoutRules_andReservesEveryLine() throws {
        var saga = Saga()
        let handled = saga.send(T.place("O-1", lines: [T.line("TEA-1"), T.line("TEA-2", quantity: 3)]))
        #expect(handled.eventTypes == ["order.placed"])
        #expect(handled.reserves.map(\.reservation) == ["O-1-L1", "O-1-L2"])
        #expect(handled.reserves.map(\.quantity) == [10, 3])
        #expect(handled.reserves.allSatisfy { $0.replyKey == "BUYER-ACME" && $0.region == "CN-EAST" && $0.buyer == T.buyer })
        #expect(handled.output.outbox.map(\.key) == ["TEA-1", "TEA-2"])
        let summary = try #require(handled.replySummary)
        #expect(summary.status == .reservingStock)
        #expect(summary.lines.map(\.reservation) == [.requested, .requested])
        #expect(summary.deadline == T.t0.addingTimeInterval(saga.policy.paymentTimeout))
        #expect(saga.status("O-1") == .reservingStock)
    }

    @Test func splitsOrder_intoOneSubOrderPerSupplier_inOrderOfFirstAppearance() throws {
        var saga = Saga()
        let handled = saga.send(T.place("O-1", lines: [
            T.line("CUP-1", supplier: T.supplierB, quantity: 2, price: 15_50),
            T.line("TEA-1", supplier: T.supplierA, quantity: 3, price: 100_00),
            T.line("CUP-2", supplier: T.supplierB, quantity: 1, price: 9_99),
        ]))
        guard case let .placed(placed)? = handled.events.first else { Issue.record("no placed event"); return }
        #expect(placed.subOrders.map(\.subOrder) == ["O-1-S-SUP-CUPS", "O-1-S-SUP-TEA"])
        #expect(placed.subOrders.map(\.lines) == [["O-1-L1", "O-1-L3"], ["O-1-L2"]])
        #expect(placed.subOrders.map(\.total) == [T.cny(40_99), T.cny(300_00)])
        #expect(placed.lines.map(\.subOrder) == ["O-1-S-SUP-CUPS", "O-1-S-SUP-TEA", "O-1-S-SUP-CUPS"])
        let summary = try #require(handled.replySummary)
        #expect(summary.subOrders.map(\.totals) == [
            OrderTotals(lineCount: 2, quantity: 3, amount: T.cny(40_99)),
            OrderTotals(lineCount: 1, quantity: 3, amount: T.cny(300_00)),
        ])
        #expect(summary.subOrders.allSatisfy { $0.status == .open && $0.shipment == nil })
    }

    @Test func computesLineAndOrderTotals_inMinorUnits() throws {
        var saga = Saga()
        let handled = saga.send(T.place("O-1", lines: [T.line("A", quantity: 3, price: 33_33), T.line("B", quantity: 7, price: 1)]))
        let summary = try #require(handled.replySummary)
        #expect(summary.lines.map(\.lineTotal) == [T.cny(99_99), T.cny(7)])
        #expect(summary.totals == OrderTotals(lineCount: 2, quantity: 10, amount: T.cny(100_06)))
        #expect(summary.payment == OrderSummary.Payment(method: .credit, status: .notRequested, reference: nil,
                                                        amount: T.cny(100_06)))
        #expect(summary.lines[0].rule == T.baseRule)
    }

    @Test func rejectsMixedCurrencies_namingTheLine() {
        var saga = Saga()
        let handled = saga.send(T.place("O-1", lines: [T.line("A"), T.line("B", currency: .usd)]))
        #expect(handled.rejection?.code == .invalidField)
        #expect(handled.rejection?.field == "lines[1].sku", "the client picks the SKU, not its price")
        #expect(handled.rejection?.message
            == "SKU B on line 2 is priced in USD but line 1 in CNY; one order holds one currency, so order it separately")
        #expect(saga.status("O-1") == nil)
    }

    @Test(arguments: [
        (Int64(0), "lines[0].quantity"), (-5, "lines[0].quantity"), (1_000_000_001, "lines[0].quantity"),
    ])
    func rejectsQuantityOutOfRange(_ quantity: Int64, _ field: String) {
        var saga = Saga()
        let handled = saga.send(T.place("O-1", lines: [T.line("A", quantity: quantity)]))
        #expect(handled.rejection?.field == field)
        #expect(handled.rejection?.message == "quantity must be between 1 and 1000000000, got \(quantity)")
    }

    @Test func rejectsEmptyOrder_andMoreThanAThousandLines() {
        var saga = Saga()
        let empty = saga.send(T.place("O-1", lines: []))
        #expect(empty.rejection?.code == .invalidField)
        #expect(empty.rejection?.field == "lines")
        let huge = saga.send(T.place("O-2", lines: (1...1_001).map { T.line("SKU-\($0)") }))
        #expect(huge.rejection?.code == .limitExceeded)
        #expect(huge.rejection?.message == "an order has at most 1000 lines, got 1001; split it into several orders")
    }

    @Test func rejectsNegativePrice_duplicateSKU_blankAddress_andLongOrderId() {
        var saga = Saga()
        #expect(saga.send(T.place("O-1", lines: [T.line("A", price: -1)])).rejection?.field == "lines[0].unitPrice")
        let duplicate = saga.send(T.place("O-2", lines: [T.line("A"), T.line("B"), T.line("A")]))
        #expect(duplicate.rejection?.field == "lines[2].sku")
        #expect(duplicate.rejection?.message == "SKU A is already on line 1; order each SKU on one line")
        let blank = OrderCommand.place(PlaceOrder(
            order: T.id("O-3"), buyer: T.buyer, placedBy: T.purchaser, lines: [T.line("A")],
            deliveryAddress: Address(name: " ", phone: "1", region: "R", city: "C", street: "S"), paymentMethod: .credit))
        #expect(saga.send(blank).rejection?.field == "deliveryAddress.name")
        let longId = String(repeating: "X", count: 65)
        #expect(saga.send(T.place(longId, lines: [T.line("A")])).rejection?.field == "order")
        #expect(saga.send(T.place("O-4", lines: [T.line("A", category: Array(repeating: "c", count: 7))])).rejection?.field
            == "lines[0].category")
    }

    @Test func acceptsAThousandLineOrder_andItsReadModelFitsInOneMessage() throws {
        var saga = Saga()
        let lines = (1...1_000).map { T.line("SKU-\($0)", supplier: $0.isMultiple(of: 2) ? T.supplierA : T.supplierB,
                                             quantity: Int64($0), price: 12_34) }
        let handled = saga.send(T.place("O-BIG", lines: lines))
        #expect(handled.eventTypes == ["order.placed"])
        #expect(handled.reserves.count == 1_000)
        #expect(handled.reserves.last?.reservation == "O-BIG-L1000")
        for index in 1...1_000 { saga.send(T.reserved("O-BIG", line: index, sku: "SKU-\(index)", quantity: Int64(index))) }
        #expect(saga.status("O-BIG") == .awaitingPayment)
        let summary = try #require(saga.summary("O-BIG"))
        #expect(summary.totals == OrderTotals(lineCount: 1_000, quantity: 500_500, amount: T.cny(500_500 * 12_34)))
        #expect(summary.subOrders.count == 2)
        let reply = OrderReply(requestId: "r", commandId: T.id("c"), outcome: .order(summary))
        let envelope = Envelope(id: T.id("m"), occurredAt: T.t0, causationId: nil, correlationId: T.correlation,
                                tenant: "tradeflow", key: "gw-1", payload: reply)
        #expect(try WireFormat.encode(envelope).count < WireFormat.maximumMessageBytes)
    }

    @Test func rejectsAnOrderTooLargeToCarry_withLimitExceeded() {
        var saga = Saga()
        let wordy = AppliedRule(kind: .promotion, priceListId: nil, description: String(repeating: "促", count: 256))
        let lines = (1...1_000).map { index in
            PricedLine(sku: T.id("SKU-\(index)"), product: T.id("P-\(index)"), supplier: T.supplierA, distributor: T.distributor,
                       category: Array(repeating: String(repeating: "类", count: 100), count: 6), quantity: 1,
                       unitPrice: T.cny(1), rule: wordy)
        }
        let handled = saga.send(T.place("O-1", lines: lines))
        #expect(handled.rejection?.code == .limitExceeded)
        #expect(handled.rejection?.message.contains("split it into several orders") == true)
    }

    @Test func sameIdempotencyKeyTwice_placesOneOrder_andAnswersWithIt() throws {
        var saga = Saga()
        let first = saga.send(T.place("O-1", lines: [T.line("A")], key: "checkout-42"))
        let second = saga.send(T.place("O-2", lines: [T.line("A")], key: "checkout-42"))
        guard case let .accepted(events, outbox, reply) = second.decision else {
            Issue.record("expected accepted, got \(second.decision)"); return
        }
        #expect(events.isEmpty && outbox.isEmpty)
        #expect(reply?.outcome == first.reply?.outcome)
        #expect(saga.status("O-2") == nil)
        #expect(saga.state.orderIDs(of: T.buyer) == [T.id("O-1")])
        #expect(saga.state.order(forIdempotencyKey: "checkout-42", buyer: T.buyer) == T.id("O-1"))
    }

    @Test func idempotencyKeysAreScopedToTheBuyer() {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A")], key: "k"))
        let other = saga.send(T.place("O-2", lines: [T.line("A")], buyer: T.otherBuyer, key: "k"))
        #expect(other.eventTypes == ["order.placed"])
        #expect(saga.state.orderIDs(of: T.otherBuyer) == [T.id("O-2")])
    }

    @Test func reusedOrderIdWithoutTheSameKey_isRejected() {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A")]))
        let again = saga.send(T.place("O-1", lines: [T.line("B")]))
        #expect(again.rejection?.code == .orderExists)
        #expect(again.rejection?.field == "order")
    }

    @Test func blankIdempotencyKey_isRejected() {
        var saga = Saga()
        #expect(saga.send(T.place("O-1", lines: [T.line("A")], key: "  ")).rejection?.field == "idempotencyKey")
    }
}
