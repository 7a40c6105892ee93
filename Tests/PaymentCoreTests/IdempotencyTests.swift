import Contracts
import Foundation
import PaymentCore
import Testing

/// DESIGN principle 3: a repeated command yields the same replies and changes nothing; a repeated
/// event is a no-op; a command whose events were only partly published is completed.
@Suite struct IdempotencyTests {
    typealias T = TestData

    /// A mixed history touching every command type.
    private func history() -> [PaymentCommand] {
        [
            T.rules([SettlementRule(platformCommissionBasisPoints: 300, distributorMarginBasisPoints: 800, rebateBasisPoints: 100)]),
            T.creditLine(T.cny(5_000_00), termDays: 1),
            T.authorize("ORD-1", T.cny(1_200_00), lines: [
                T.line("S1", distributor: T.distributor, amount: T.cny(1_000_00)),
                T.line("S2", supplier: T.otherSupplier, amount: T.cny(200_00)),
            ]),
            T.authorize("ORD-2", T.cny(300_00), .bankTransfer),
            T.bankTransfer("ORD-2", T.cny(350_00), transaction: "BT-1"),
            T.authorize("ORD-3", T.cny(99_99), .prepayment),
            T.providerCallback("ORD-3", T.cny(50_00), payment: "pay-1"),
            // Sent for a credit order before its invoice: held, then paying the invoice at capture.
            T.bankTransfer("ORD-1", T.cny(400_00), transaction: "BT-EARLY"),
            .releaseCredit(ReleaseCredit(order: T.id("ORD-1"), payer: T.buyer, subOrders: ["S2"], reason: "cancelled")),
            T.capture("ORD-1"),
            T.capture("ORD-2"),
            T.void("ORD-3"),
            T.refund("RMA-1", "ORD-1", T.cny(123_45)),
            T.remindDue(at: TestData.start.addingTimeInterval(0.5 * TestData.day)),
            T.markOverdue(at: TestData.start.addingTimeInterval(3 * TestData.day)),
            T.authorize("ORD-4", T.cny(10_00)),
        ]
    }

    @Test func sameCommandId_isADuplicate_withTheSameReplies_andNoChange() {
        var harness = Harness()
        for (index, command) in history().enumerated() {
            let first = harness.handle(command, id: "cmd-\(index)")
            let state = harness.state
            let again = harness.decider.decide(harness.envelope(command, id: "cmd-\(index)"), state: state,
                                               now: harness.now.addingTimeInterval(60))
            #expect(again.isDuplicate, "\(command.messageType)")
            #expect(again.events.isEmpty, "\(command.messageType): \(again.types)")
            #expect(again.replies == first.replies, "\(command.messageType)")
            let original = harness.envelope(command, id: "cmd-\(index)")
            #expect(again.replyEnvelopes(causedBy: original, occurredAt: harness.now).map(\.id)
                    == first.replyEnvelopes(causedBy: original, occurredAt: harness.now).map(\.id))
        }
        #expect(harness.state.account(of: T.buyer)?.invoices[T.id("ORD-1")]?.remindedWithinDays == 1)
        #expect(harness.state.account(of: T.buyer)?.invoices[T.id("ORD-1")]?.markedOverdue == true)
    }

    @Test func applyingEveryEventTwice_leavesTheSameState() {
        var once = Harness()
        var twice = PaymentState()
        for command in history() {
            let decision = once.handle(command)
            for event in decision.events {
                twice.apply(event)
                twice.apply(event)
            }
        }
        #expect(twice == once.state)
    }

    @Test func stateFoldedFromTheWire_equalsTheStateInMemory() throws {
        var harness = Harness()
        var fromWire = PaymentState()
        for (index, command) in history().enumerated() {
            harness.now = harness.now.addingTimeInterval(0.000_4 + Double(index) * 0.123_456_7)
            let envelope = harness.envelope(command, id: "cmd-\(index)")
            let decision = harness.handle(command, id: "cmd-\(index)")
            for event in decision.eventEnvelopes(causedBy: envelope, occurredAt: harness.now) {
                let bytes = try WireFormat.encode(event)
                fromWire.apply(try WireFormat.decode(bytes, as: PaymentEvent.self).payload)
            }
            for reply in decision.replyEnvelopes(causedBy: envelope, occurredAt: harness.now) {
                #expect(try WireFormat.decode(WireFormat.encode(reply), as: PaymentResult.self) == reply)
            }
        }
        #expect(fromWire == harness.state)
    }

    @Test func checkpoint_roundTripsThroughCodable() throws {
        var harness = Harness()
        for command in history() { harness.handle(command) }
        let bytes = try StreamingJSONEncoder().encode(harness.state)
        let restored = try WireFormat.decodeValue(PaymentState.self, from: bytes)
        #expect(restored == harness.state)
        #expect(restored.ledger.trialBalance == harness.state.ledger.trialBalance)
        #expect(restored.hasHandled(TestData.id("cmd-3"), payer: T.buyer))
    }

    @Test func eventIds_areDeterministic() {
        var first = Harness()
        var second = Harness()
        for (index, command) in history().enumerated() {
            let envelope = first.envelope(command, id: "cmd-\(index)")
            let a = first.handle(command, id: "cmd-\(index)").eventEnvelopes(causedBy: envelope, occurredAt: first.now)
            let b = second.handle(command, id: "cmd-\(index)").eventEnvelopes(causedBy: envelope, occurredAt: second.now)
            #expect(a == b)
            #expect(Set(a.map(\.id)).count == a.count)
        }
    }

    /// The service died after publishing only the first k events of a decision: the command comes
    /// back, is a duplicate, and the missing events are rebuilt with their original ids and content.
    @Test func partlyPublishedDecision_isCompletedOnReplay() {
        var harness = Harness()
        for (index, command) in history().enumerated() {
            let envelope = harness.envelope(command, id: "cmd-\(index)")
            let decision = harness.decider.decide(envelope, state: harness.state, now: harness.now)
            let full = decision.eventEnvelopes(causedBy: envelope, occurredAt: harness.now)
            for published in 1..<max(1, full.count) {
                var crashed = harness.state
                for event in decision.events.prefix(published) { crashed.apply(event) }
                let replay = harness.decider.decide(envelope, state: crashed, now: harness.now.addingTimeInterval(30))
                #expect(replay.isDuplicate)
                let rebuilt = replay.eventEnvelopes(causedBy: envelope, occurredAt: harness.now)
                #expect(rebuilt == Array(full.dropFirst(published)), "\(command.messageType) after \(published)")
                #expect(replay.replies == decision.replies)
                #expect(crashed.applying(replay.events) == harness.state.applying(decision.events))
            }
            harness.state = harness.state.applying(decision.events)
        }
    }

    @Test func rejectedCommand_isRememberedAsHandled() {
        var harness = Harness()
        let rejected = harness.handle(T.authorize("ORD-1", T.cny(100)), id: "cmd-x")
        #expect(rejected.rejection?.code == .noCreditLine)
        harness.handle(T.creditLine(T.cny(1_000)))
        let replay = harness.decider.decide(harness.envelope(T.authorize("ORD-1", T.cny(100)), id: "cmd-x"),
                                            state: harness.state, now: harness.now)
        #expect(replay.isDuplicate && replay.replies == rejected.replies)
    }

    @Test func rememberedCommands_areBoundedPerPayer() {
        var harness = Harness(state: PaymentState(rememberedCommandsPerPayer: 2))
        harness.handle(T.creditLine(T.cny(1_000)), id: "c1")
        harness.handle(T.creditLine(T.cny(2_000)), id: "c2")
        harness.handle(T.creditLine(T.cny(3_000)), id: "c3")
        #expect(!harness.state.hasHandled(T.id("c1"), payer: T.buyer))
        #expect(harness.state.hasHandled(T.id("c2"), payer: T.buyer) && harness.state.hasHandled(T.id("c3"), payer: T.buyer))
    }
}
