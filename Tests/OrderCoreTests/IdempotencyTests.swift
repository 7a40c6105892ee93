import Contracts
import Foundation
import Testing
@testable import OrderCore

@Suite struct IdempotencyTests {
    @Test func sameCommandIdTwice_isADuplicate_answeredWithTheOrder_andSendsNothing() throws {
        var saga = Saga()
        let first = saga.send(T.place("O-1", lines: [T.line("A")]), id: "cmd-place")
        let again = saga.send(T.place("O-1", lines: [T.line("A")]), id: "cmd-place")
        #expect(again.isDuplicate)
        #expect(again.events.isEmpty && again.outbox.isEmpty)
        #expect(again.replySummary == first.replySummary)
        #expect(again.output.reply?.id == first.output.reply?.id)
    }

    @Test func repeatedRejectedCommand_getsTheSameRejection_evenAfterTheStateMovedOn() {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A")]))
        let early = saga.send(T.ship("O-1"), id: "cmd-ship")
        #expect(early.eventTypes == ["order.command-rejected"])
        saga.send(T.reserved("O-1", line: 1, sku: "A"))
        saga.send(T.payment("O-1", .authorized(method: .credit)))
        // Replayed after a crash: now the order could ship, but the answer given stands.
        let replay = saga.send(T.ship("O-1"), id: "cmd-ship")
        #expect(replay.isDuplicate)
        #expect(replay.reply?.outcome == early.reply?.outcome)
        #expect(saga.summary("O-1")?.subOrders.first?.status == .open)
    }

    @Test func repeatedEvents_changeNothing() {
        var saga = Saga()
        saga.send(T.rules([ApprovalRule(name: "all", roles: ["approver"])]))
        saga.send(T.place("O-1", lines: [T.line("A"), T.line("B", supplier: T.supplierB)]))
        saga.send(T.approve("O-1", by: T.approver, roles: ["approver"]))
        saga.send(T.reserved("O-1", line: 1, sku: "A"))
        saga.send(T.reserved("O-1", line: 2, sku: "B"))
        saga.send(T.payment("O-1", .authorized(method: .credit)))
        saga.send(T.ship("O-1"))
        saga.send(T.deliver("O-1"))
        saga.send(T.ship("O-1", supplier: T.supplierB))
        saga.send(T.deliver("O-1", supplier: T.supplierB))
        saga.send(T.place("O-2", lines: [T.line("A")]))
        saga.send(T.unavailable("O-2", line: 1, sku: "A"))
        saga.send(T.cancel("O-2"))
        let once = saga.state
        var twice = saga.state
        for event in saga.log { twice.apply(event) }
        #expect(twice == once)
        // Every event applied twice in a row, as a zombie producer would write them.
        var doubled = OrderState()
        for event in saga.log {
            doubled.apply(event)
            doubled.apply(event)
        }
        #expect(doubled == once)
    }

    /// An ERP that reuses a key (per PO, say) for another order must hear so, not get the first
    /// order back and believe the second was placed.
    @Test func aKeyReusedForADifferentOrder_isRefused_andTheSameRequestAgainGetsTheOrder() throws {
        var saga = Saga()
        #expect(saga.send(T.place("O-1", lines: [T.line("A", quantity: 10)], key: "k-1")).eventTypes.first == "order.placed")
        // Retried, priced again after a price change: the same order.
        let retry = saga.send(T.place("O-2", lines: [T.line("A", quantity: 10, price: 120_00)], key: "k-1"))
        guard case let .order(summary)? = retry.reply?.outcome else { Issue.record("no order in \(String(describing: retry.reply))"); return }
        #expect(retry.events.isEmpty && summary.order == T.id("O-1"))
        for (lines, method, what) in [([T.line("A", quantity: 50)], PaymentMethod.credit, "other lines"),
                                      ([T.line("B", quantity: 10)], .credit, "other lines"),
                                      ([T.line("A", quantity: 10)], .prepayment, "is paid by credit")] {
            let reused = saga.send(T.place("O-3", lines: lines, key: "k-1", method: method))
            #expect(reused.rejection?.code == .idempotencyKeyReused && reused.rejection?.field == "Idempotency-Key")
            #expect(reused.rejection?.message.contains(what) == true, "\(reused.rejection?.message ?? "")")
            #expect(reused.eventTypes == ["order.command-rejected"], "refused on the record, nothing placed")
        }
        #expect(saga.state.orders[T.id("O-3")] == nil)
    }

    @Test func stateRestoredFromTheEventLog_equalsTheLiveState_andSurvivesASnapshot() throws {
        var saga = Saga()
        saga.send(T.rules([ApprovalRule(name: "big", minimumTotal: T.cny(5_000_00), roles: ["approver", "finance"])]))
        saga.send(T.place("O-1", lines: [T.line("A", quantity: 100)], key: "k-1"))
        saga.send(T.approve("O-1", by: T.approver, roles: ["approver"]))
        saga.confirmOnCredit("O-2")
        saga.send(T.cancel("O-2"))
        saga.send(T.ship("O-404"))
        let restored = OrderState().applying(saga.log)
        #expect(restored == saga.state)
        let snapshot = try StreamingJSONEncoder().encode(saga.state)
        let decoded = try WireFormat.decodeValue(OrderState.self, from: snapshot)
        #expect(decoded == saga.state)
        #expect(decoded.hasHandled(T.id("cmd-1"), buyer: T.buyer))
        #expect(decoded.order(forIdempotencyKey: "k-1", buyer: T.buyer) == T.id("O-1"))
        // The restored state decides the next command exactly like the live one.
        var live = saga
        var replica = Saga(state: decoded)
        replica.now = saga.now
        let next = Envelope(id: T.id("cmd-next"), occurredAt: saga.now, causationId: nil, correlationId: T.correlation,
                            tenant: "tradeflow", key: "BUYER-ACME", payload: T.approve("O-1", by: T.finance, roles: ["finance"]))
        #expect(live.handle(next).output == replica.handle(next).output)
    }

    @Test func processedCommandIds_areBoundedPerBuyer_oldestForgottenFirst() {
        var saga = Saga(state: OrderState(rememberedCommandsPerBuyer: 2))
        saga.send(T.place("O-1", lines: [T.line("A")]), id: "c-1")
        saga.send(T.place("O-2", lines: [T.line("A")]), id: "c-2")
        saga.send(T.place("O-3", lines: [T.line("A")]), id: "c-3")
        #expect(!saga.state.hasHandled(T.id("c-1"), buyer: T.buyer))
        #expect(saga.state.hasHandled(T.id("c-3"), buyer: T.buyer))
        // Beyond the window the order itself still recognises the command that placed it...
        let replay = saga.send(T.place("O-1", lines: [T.line("A")]), id: "c-1")
        #expect(replay.isDuplicate)
        #expect(replay.replySummary?.order == T.id("O-1"))
        // ...and refuses any other command placing the same order id.
        #expect(saga.send(T.place("O-1", lines: [T.line("A")]), id: "c-9").rejection?.code == .orderExists)
        #expect(saga.state.orderIDs(of: T.buyer).count == 3)
    }

    @Test func theSameInputAndState_alwaysGiveByteIdenticalOutput() throws {
        var saga = Saga()
        saga.send(T.place("O-1", lines: [T.line("A"), T.line("B")]))
        saga.send(T.reserved("O-1", line: 1, sku: "A"))
        let command = Envelope(id: T.id("inv-reply-2"), occurredAt: saga.now, causationId: T.id("reserve-2"),
                               correlationId: T.correlation, tenant: "tradeflow", key: "BUYER-ACME",
                               payload: T.reserved("O-1", line: 2, sku: "B"))
        let decide = { OrderDecider.decide(command, state: saga.state, now: saga.now, policy: saga.policy)
            .output(for: command, occurredAt: saga.now) }
        let first = decide()
        let second = decide()
        #expect(first == second)
        #expect(try first.events.map { try WireFormat.encode($0) } == second.events.map { try WireFormat.encode($0) })
    }
}
