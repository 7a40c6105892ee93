import Contracts
import Foundation
import Testing
@testable import OrderCore

@Suite struct ReservationTests {
    @Test func reservedLine_isRecorded_andTheOrderWaitsForTheOthers() throws {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A"), T.line("B")]))
        let first = saga.send(T.reserved("O-1", line: 1, sku: "A"))
        #expect(first.eventTypes == ["order.line-reserved"])
        #expect(first.outbox.isEmpty)
        #expect(first.reply == nil)
        let summary = try #require(saga.summary("O-1"))
        #expect(summary.lines.map(\.reservation) == [.reserved, .requested])
        #expect(summary.lines[0].allocations == [Allocation(warehouse: T.warehouse, quantity: 10)])
        #expect(summary.status == .reservingStock)
    }

    @Test func lastReservedLine_requestsPaymentAuthorization_withSettlementPerSubOrder() throws {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [
            T.line("TEA-1", supplier: T.supplierA, quantity: 2, price: 50_00, distributor: T.distributor),
            T.line("CUP-1", supplier: T.supplierB, quantity: 1, price: 9_99),
            T.line("TEA-2", supplier: T.supplierA, quantity: 1, price: 20_00, distributor: T.distributor),
        ], method: .credit))
        saga.send(T.reserved("O-1", line: 1, sku: "TEA-1", quantity: 2))
        saga.send(T.reserved("O-1", line: 2, sku: "CUP-1", quantity: 1))
        let last = saga.send(T.reserved("O-1", line: 3, sku: "TEA-2", quantity: 1))
        #expect(last.eventTypes == ["order.line-reserved", "order.stock-reserved"])
        let authorize = try #require(last.authorizations.first)
        #expect(last.output.outbox.map(\.key) == ["BUYER-ACME"])
        #expect(authorize.amount == T.cny(129_99))
        #expect(authorize.method == .credit && authorize.payer == T.buyer && authorize.replyKey == "BUYER-ACME")
        #expect(authorize.settlement == [
            .init(subOrder: "O-1-S-SUP-TEA", supplier: T.supplierA, distributor: T.distributor,
                  category: ["Beverages", "Tea"], amount: T.cny(120_00)),
            .init(subOrder: "O-1-S-SUP-CUPS", supplier: T.supplierB, distributor: nil,
                  category: ["Beverages", "Tea"], amount: T.cny(9_99)),
        ])
        #expect(saga.status("O-1") == .awaitingPayment)
        #expect(saga.summary("O-1")?.payment.status == .authorizing)
    }

    @Test func subOrderMixingCategories_getsOneSettlementLinePerCategory() {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A", quantity: 1, price: 5_00, category: ["Tea"]),
                                         T.line("B", quantity: 1, price: 7_00, category: ["Cups"])]))
        saga.send(T.reserved("O-1", line: 1, sku: "A", quantity: 1))
        let last = saga.send(T.reserved("O-1", line: 2, sku: "B", quantity: 1))
        #expect(last.authorizations.first?.settlement.map(\.amount) == [T.cny(5_00), T.cny(7_00)])
        #expect(last.authorizations.first?.settlement.map(\.subOrder) == ["O-1-S-SUP-TEA", "O-1-S-SUP-TEA"])
    }

    @Test func refusedLine_rejectsTheOrder_andReleasesWhatWasAlreadyReserved() throws {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A"), T.line("B"), T.line("C", quantity: 100)]))
        saga.send(T.reserved("O-1", line: 1, sku: "A"))
        let refused = saga.send(T.unavailable("O-1", line: 3, sku: "C", available: 40))
        #expect(refused.eventTypes == ["order.line-reservation-failed", "order.rejected"])
        #expect(refused.releases.map(\.reservation) == ["O-1-L1"])
        #expect(refused.releases.first?.sku == T.id("A"))
        #expect(refused.authorizations.isEmpty)
        guard case let .rejected(rejected)? = refused.events.last else { Issue.record("no rejection"); return }
        #expect(rejected.code == .insufficientStock)
        #expect(rejected.sku == T.id("C") && rejected.available == 40 && rejected.released == ["O-1-L1"])
        #expect(rejected.reason == "SKU C (line O-1-L3) cannot be reserved: 40 available, 100 ordered (insufficient-stock: only 40 on hand)")
        let summary = try #require(saga.summary("O-1"))
        #expect(summary.status == .rejected)
        #expect(summary.statusReason == rejected.reason)
        #expect(summary.lines.map(\.reservation) == [.released, .requested, .unavailable])
        #expect(summary.deadline == nil)
    }

    @Test func lateReservation_afterRejection_isReleasedAtOnce() throws {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A"), T.line("B")]))
        saga.send(T.unavailable("O-1", line: 1, sku: "A"))
        let late = saga.send(T.reserved("O-1", line: 2, sku: "B"))
        #expect(late.eventTypes == ["order.line-reserved", "order.reservation-released"])
        #expect(late.releases.map(\.reservation) == ["O-1-L2"])
        #expect(late.releases.first?.reason == "order O-1 was rejected before this reservation arrived")
        #expect(late.authorizations.isEmpty)
        #expect(saga.summary("O-1")?.lines.map(\.reservation) == [.unavailable, .released])
        #expect(saga.status("O-1") == .rejected)

        let repeated = saga.send(T.reserved("O-1", line: 2, sku: "B"))
        #expect(repeated.isDuplicate)
        #expect(repeated.outbox.isEmpty && repeated.events.isEmpty)
    }

    @Test func lateRefusal_afterRejection_isOnlyRecorded() {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A"), T.line("B")]))
        saga.send(T.unavailable("O-1", line: 1, sku: "A"))
        let late = saga.send(T.unavailable("O-1", line: 2, sku: "B"))
        #expect(late.eventTypes == ["order.line-reservation-failed"])
        #expect(late.outbox.isEmpty)
        #expect(saga.summary("O-1")?.history.filter { $0.status == .rejected }.count == 1)
    }

    @Test func resultForAResolvedReservation_isADuplicate_evenWithANewCommandId() {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A"), T.line("B")]))
        saga.send(T.reserved("O-1", line: 1, sku: "A"))
        #expect(saga.send(T.reserved("O-1", line: 1, sku: "A")).isDuplicate)
        #expect(saga.send(T.unavailable("O-1", line: 1, sku: "A")).isDuplicate)
        #expect(saga.status("O-1") == .reservingStock)
    }

    @Test func invalidResults_areRejectedWithTheField() {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A"), T.line("B")]))
        let unknownLine = saga.send(T.reserved("O-1", line: 9, sku: "A"))
        #expect(unknownLine.rejection?.code == .orderNotFound)
        #expect(unknownLine.rejection?.message == "order O-1 has no line O-1-L9")
        #expect(saga.send(T.reserved("O-1", line: 1, sku: "B")).rejection?.field == "sku")
        #expect(saga.send(T.reserved("O-1", line: 1, sku: "A", quantity: 7)).rejection?.field == "outcome.allocations")
        #expect(saga.send(T.reserved("O-404", line: 1, sku: "A")).rejection?.code == .orderNotFound)
        // Keyed by another buyer: that buyer has no such order.
        #expect(saga.send(T.reserved("O-1", line: 1, sku: "A"), key: "BUYER-OTHER").rejection?.code == .orderNotFound)
        #expect(saga.summary("O-1")?.lines.map(\.reservation) == [.requested, .requested])
    }

    @Test func resultForALineNeverRequested_isRejected() {
        var saga = Saga()
        saga.send(T.rules([ApprovalRule(name: "all", roles: ["approver"])]))
        saga.send(T.place("O-1", lines: [T.line("A")]))
        let early = saga.send(T.reserved("O-1", line: 1, sku: "A"))
        #expect(early.rejection?.code == .invalidOrderState)
        #expect(early.rejection?.message == "line O-1-L1 of order O-1 was never sent to inventory (the order is pending approval)")
    }
}
