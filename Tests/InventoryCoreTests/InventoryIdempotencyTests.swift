import Foundation
import Testing
import Contracts
import InventoryCore

/// DESIGN principle 3: a crash may replay input; handling it again must change nothing and produce
/// byte-identical output.
@Suite struct InventoryIdempotencyTests {
    @Test func returnsDuplicate_forRepeatedCommand_andLeavesStateUnchanged() {
        var harness = Harness()
        let command = Build.receive("cmd-1", 120)
        harness.handle(command)
        let before = harness.state
        #expect(harness.handle(command) == .duplicate)
        #expect(harness.state == before)
        #expect(harness.state.onHand(of: Build.sku, in: Build.shanghai) == 120)
    }

    /// Otherwise a replayed "adjust -5" refused for lack of stock could succeed after a later receipt.
    @Test func returnsDuplicate_forRepeatedRejectedCommand_evenWhenStockChangedSince() {
        var harness = Harness()
        let adjust = Build.adjust("cmd-1", -5)
        harness.handle(Build.receive("cmd-0", 1))
        #expect(harness.handle(adjust).rejection != nil)
        harness.handle(Build.receive("cmd-2", 100))
        #expect(harness.handle(adjust) == .duplicate)
        #expect(harness.state.onHand(of: Build.sku, in: Build.shanghai) == 101)
    }

    @Test func derivesEventIds_fromCommandIdAndEventIndex() throws {
        let command = Build.receive("cmd-0001", 120)
        let decision = InventoryDecider().decide(command, state: InventoryState())
        let envelopes = decision.envelopes(causedBy: command, occurredAt: Build.now)
        let event = try #require(envelopes.first)
        #expect(envelopes.count == 1)
        #expect(event.id == MessageID.derived(from: "cmd-0001", "inventory.stock-received", "0"))
        #expect(event.id.rawValue == "d32fe7ba40f1056cb395bbe3d1ecc39a")
        #expect(event.causationId == command.id)
        #expect(event.correlationId == command.correlationId)
        #expect(event.key == "SKU-RED-42")
        #expect(event.tenant == command.tenant)
    }

    @Test func producesByteIdenticalEvents_whenTheSameCommandIsDecidedAgain() throws {
        let state = InventoryState().applying([.stockReceived(StockReceived(
            commandId: Build.id("cmd-0"), sku: Build.sku, warehouse: Build.shanghai, quantity: 9, reference: "x",
            onHand: 9))])
        let command = Build.adjust("cmd-1", -20)
        let first = InventoryDecider().decide(command, state: state).envelopes(causedBy: command, occurredAt: Build.now)
        let again = InventoryDecider().decide(command, state: state).envelopes(causedBy: command, occurredAt: Build.now)
        #expect(try first.map { try WireFormat.encode($0) } == again.map { try WireFormat.encode($0) })
        #expect(first.first?.type == "inventory.stock-command-rejected")
    }

    @Test func duplicateDecision_emitsNoEnvelopes() {
        let command = Build.receive("cmd-1", 1)
        #expect(InventoryDecision.duplicate.envelopes(causedBy: command, occurredAt: Build.now).isEmpty)
    }

    @Test func applyingTheSameEventTwice_isANoOp() {
        let event = InventoryEvent.stockReceived(StockReceived(
            commandId: Build.id("cmd-1"), sku: Build.sku, warehouse: Build.shanghai, quantity: 7, reference: "r",
            onHand: 7))
        let once = InventoryState().applying([event])
        #expect(once.applying([event]) == once)
    }

    /// A handler that fails half-way re-publishes its events (same ids) before applying them, so the
    /// topic can hold an event twice, even with other events in between. Reservation events carry
    /// changes, not results; applying them again must still change nothing.
    @Test func reservationEventsAppliedAgain_changeNothing_evenAfterLaterEvents() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 10)])
        let reserved = harness.handle(Build.reserve("r-1", "ORD-1-L1", 4)).events
        let committed = harness.handle(Build.reserve("r-2", "ORD-1-L2", 3)).events
            + harness.handle(Build.commit("c-1", "ORD-1-L2")).events
        let released = harness.handle(Build.release("x-1", "ORD-1-L1")).events
        let settled = harness.state
        #expect(settled.applying(reserved + committed + released) == settled)
        #expect(settled.onHand(of: Build.sku, in: Build.shanghai) == 7)
        #expect(settled.reserved(of: Build.sku, in: Build.shanghai) == 0)
    }

    @Test func stateWithReservationsAndRegions_isRestoredFromEvents_andSurvivesACheckpoint() throws {
        var harness = Harness()
        harness.handle(Build.region("g-1", Build.beijing, "North China"))
        harness.stock([(Build.shanghai, 10), (Build.beijing, 4)])
        harness.handle(Build.safetyStock("s-1", 8))
        harness.handle(Build.reserve("r-1", "ORD-1-L1", 12, region: "North China"))
        harness.handle(Build.reserve("r-2", "ORD-1-L2", 9))
        harness.handle(Build.release("x-1", "ORD-1-L1"))
        let restored = InventoryState().applying(harness.published)
        #expect(restored == harness.state)
        let checkpoint = try WireFormat.decodeValue(InventoryState.self, from: WireFormat.encodeValue(harness.state))
        #expect(checkpoint == harness.state)
        #expect(InventoryDecider().decide(Build.reserve("r-2", "ORD-1-L2", 9), state: checkpoint).outcome == .duplicate)
    }

    @Test func remembersOnlyTheLastCommandsPerSKU_withinTheConfiguredBound() {
        var harness = Harness(state: InventoryState(rememberedCommandsPerSKU: 3))
        for index in 1...4 { harness.handle(Build.receive("cmd-\(index)", 1)) }
        // cmd-1 has been forgotten (4 commands, room for 3): a very late repeat is applied again.
        #expect(!harness.state.hasHandled(Build.id("cmd-1"), for: Build.sku))
        #expect(harness.state.hasHandled(Build.id("cmd-2"), for: Build.sku))
        #expect(harness.handle(Build.receive("cmd-4", 1)) == .duplicate)
        #expect(harness.handle(Build.receive("cmd-1", 1)) != .duplicate)
    }

    @Test func stateRestoredFromTheEventTopic_equalsLiveState() {
        var live = Harness(state: InventoryState(rememberedCommandsPerSKU: 4))
        var published: [InventoryEvent] = []
        let commands = [Build.receive("c1", 10), Build.adjust("c2", -3), Build.adjust("c3", -30),
                        Build.receive("c4", 2, into: Build.beijing), Build.receive("c1", 10), Build.adjust("c5", 1),
                        Build.adjust("c6", -1), Build.receive("c7", 5)]
        for command in commands { published += live.handle(command).events }
        let restored = InventoryState(rememberedCommandsPerSKU: 4).applying(published)
        #expect(restored == live.state)
    }

    @Test func stateSurvivesACheckpointRoundTrip() throws {
        var harness = Harness(state: InventoryState(rememberedCommandsPerSKU: 2))
        for index in 1...5 { harness.handle(Build.receive("cmd-\(index)", Int64(index))) }
        harness.handle(Build.receive("cmd-x", 1, into: Build.beijing))
        let bytes = try WireFormat.encodeValue(harness.state)
        let restored = try WireFormat.decodeValue(InventoryState.self, from: bytes)
        #expect(restored == harness.state)
        // And it keeps deciding the same way: the remembered window survived.
        #expect(InventoryDecider().decide(Build.receive("cmd-5", 1), state: restored) == .duplicate)
        #expect(InventoryDecider().decide(Build.receive("cmd-3", 1), state: restored) != .duplicate)
    }
}
