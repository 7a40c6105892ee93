import Contracts
import Foundation
import Testing
@testable import OrderCore

@Suite struct ExpiryTests {
    @Test func orderNotApprovedInTime_expires_andHasNothingToUndo() throws {
        var saga = Saga()
        saga.send(T.rules([ApprovalRule(name: "all", roles: ["approver"])]))
        saga.send(T.place("O-1", lines: [T.line("A")]))
        let deadline = T.t0.addingTimeInterval(72 * T.hour)
        #expect(saga.state.nextDeadline == deadline)
        #expect(saga.state.buyersWithDueOrders(at: deadline.addingTimeInterval(-1)).isEmpty)
        #expect(saga.state.buyersWithDueOrders(at: deadline) == [T.buyer])

        let early = saga.send(.expireDue(ExpireDue(buyer: T.buyer, now: deadline.addingTimeInterval(-1))))
        #expect(early.events.isEmpty)
        let handled = saga.send(.expireDue(ExpireDue(buyer: T.buyer, now: deadline)))
        #expect(handled.eventTypes == ["order.expired"])
        #expect(handled.outbox.isEmpty)
        guard case let .expired(event)? = handled.events.first else { Issue.record("no event"); return }
        #expect(event.expiredIn == .pendingApproval && event.deadline == deadline && event.at == deadline)
        #expect(event.reason == "not approved by 2026-11-25T04:00:00.000Z (waiting for approver)")
        #expect(saga.status("O-1") == .expired)
        #expect(saga.state.nextDeadline == nil)
    }

    @Test func unpaidBankTransfer_expires_releasingStock_andVoidingThePayment() throws {
        var saga = Saga()
        saga.placeAndReserve("O-1", method: .bankTransfer)
        saga.send(T.payment("O-1", .awaitingPayment(method: .bankTransfer, reference: "TF-77")))
        let due = T.t0.addingTimeInterval(48 * T.hour)
        let handled = saga.send(.expireDue(ExpireDue(buyer: T.buyer, now: due)))
        #expect(handled.outboxTypes == ["inventory.release-reservation", "inventory.release-reservation", "payment.void"])
        guard case let .expired(event)? = handled.events.first else { Issue.record("no event"); return }
        #expect(event.expiredIn == .awaitingPayment)
        #expect(event.reason == "no payment quoting reference TF-77 arrived by 2026-11-24T04:00:00.000Z")
        #expect(event.released == ["O-1-L1", "O-1-L2"] && event.payment == .void)
        let summary = try #require(saga.summary("O-1"))
        #expect(summary.status == .expired && summary.statusReason == event.reason)
        #expect(summary.lines.map(\.reservation) == [.released, .released])
    }

    @Test func orderStuckReservingStock_expiresAtThePaymentDeadline() {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A"), T.line("B")]))
        saga.send(T.reserved("O-1", line: 1, sku: "A"))
        let handled = saga.send(.expireDue(ExpireDue(buyer: T.buyer, now: T.t0.addingTimeInterval(48 * T.hour))))
        #expect(handled.releases.map(\.reservation) == ["O-1-L1"])
        #expect(handled.voids.isEmpty)
        #expect(saga.status("O-1") == .expired)
        // The other line's reservation, when it finally comes, is released.
        #expect(saga.send(T.reserved("O-1", line: 2, sku: "B")).releases.map(\.reservation) == ["O-1-L2"])
    }

    @Test func confirmedOrders_neverExpire() {
        var saga = Saga()
        saga.confirmOnCredit("O-1")
        #expect(saga.state.nextDeadline == nil)
        let handled = saga.send(.expireDue(ExpireDue(buyer: T.buyer, now: T.t0.addingTimeInterval(1_000 * T.hour))))
        #expect(handled.events.isEmpty)
        #expect(saga.status("O-1") == .confirmed)
    }

    @Test func expiresAtMostTheConfiguredNumber_earliestFirst() {
        var policy = OrderPolicy()
        policy.maximumExpiriesPerCommand = 2
        var saga = Saga(policy: policy)
        for index in 1...3 {
            saga.send(T.place("O-\(index)", lines: [T.line("A")]))
            saga.advance(60)
        }
        let now = T.t0.addingTimeInterval(100 * T.hour)
        let first = saga.send(.expireDue(ExpireDue(buyer: T.buyer, now: now)))
        #expect(first.events.compactMap(\.order) == [T.id("O-1"), T.id("O-2")])
        #expect(saga.state.buyersWithDueOrders(at: now) == [T.buyer])
        let second = saga.send(.expireDue(ExpireDue(buyer: T.buyer, now: now)))
        #expect(second.events.compactMap(\.order) == [T.id("O-3")])
        #expect(saga.state.buyersWithDueOrders(at: now).isEmpty)
    }

    @Test func repeatedExpireDue_isADuplicate() {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A")]))
        let command = saga.send(.expireDue(ExpireDue(buyer: T.buyer, now: T.t0.addingTimeInterval(48 * T.hour))), id: "tick-1")
        #expect(command.eventTypes == ["order.expired"])
        #expect(saga.send(.expireDue(ExpireDue(buyer: T.buyer, now: T.t0.addingTimeInterval(48 * T.hour))), id: "tick-1").isDuplicate)
    }
}
