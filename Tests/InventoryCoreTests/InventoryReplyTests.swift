import Foundation
import Testing
import Contracts
import InventoryCore

/// A single-message family standing in for the order engineer's `OrderCommand`, whose case
/// `stockReservationResult` wraps the payload the same way (the wire bytes come from the payload).
enum OrderReplyFamily: MessageFamily, Equatable {
    case stockReservationResult(StockReservationResult)

    static let messageTypes = [StockReservationResult.messageType]
    var messageType: String { StockReservationResult.messageType }
    var messageVersion: Int { StockReservationResult.messageVersion }

    func encodePayload(to encoder: any Encoder) throws {
        guard case let .stockReservationResult(result) = self else { return }
        try result.encode(to: encoder)
    }

    init(messageType: String, version: Int, payloadFrom decoder: any Decoder) throws {
        guard StockReservationResult.matches(messageType, version) else {
            throw ContractError.unknownMessageType(messageType, version)
        }
        self = .stockReservationResult(try StockReservationResult(from: decoder))
    }
}

/// Every reserve is answered on `order.commands.v1`, keyed by `replyKey`, with a deterministic id;
/// a repeated reserve re-sends the same reply (DESIGN principle 3).
@Suite struct InventoryReplyTests {
    private func replies(_ decision: InventoryDecision, to command: Envelope<InventoryCommand>) -> [Envelope<OrderReplyFamily>] {
        decision.replyEnvelopes(causedBy: command, occurredAt: Build.now, as: OrderReplyFamily.stockReservationResult)
    }

    @Test func replyEnvelope_isKeyedByReplyKey_causedByTheCommand_withADerivedId() throws {
        var harness = Harness()
        harness.stock([(Build.shanghai, 5)])
        let command = Build.reserve("r-0001", "ORD-1-L1", 2, replyKey: "COMPANY-ACME")
        let envelopes = replies(harness.handle(command), to: command)
        let reply = try #require(envelopes.first)
        #expect(envelopes.count == 1)
        #expect(reply.type == "order.stock-reservation-result")
        #expect(reply.key == "COMPANY-ACME")
        #expect(reply.id == MessageID.derived(from: "r-0001", "order.stock-reservation-result", "0"))
        #expect(reply.causationId == command.id)
        #expect(reply.correlationId == command.correlationId)
    }

    @Test func replyIds_differFromEventIds_ofTheSameCommand() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 5)])
        harness.handle(Build.safetyStock("s-1", 4))
        let command = Build.reserve("r-1", "ORD-1-L1", 2)
        let decision = harness.handle(command)
        let eventIds = decision.envelopes(causedBy: command, occurredAt: Build.now).map(\.id)
        let replyIds = replies(decision, to: command).map(\.id)
        #expect(eventIds.count == 2) // stock-reserved and low-stock
        #expect(Set(eventIds).isDisjoint(with: replyIds))
    }

    @Test func repeatedReserve_isADuplicate_thatReSendsAByteIdenticalReply() throws {
        var harness = Harness()
        harness.stock([(Build.shanghai, 5)])
        let command = Build.reserve("r-1", "ORD-1-L1", 2)
        let first = harness.handle(command)
        let again = harness.handle(command)
        #expect(again.outcome == .duplicate)
        #expect(again.events.isEmpty)
        #expect(again.replies == first.replies)
        #expect(try replies(again, to: command).map { try WireFormat.encode($0) }
            == replies(first, to: command).map { try WireFormat.encode($0) })
        #expect(harness.state.reserved(of: Build.sku, in: Build.shanghai) == 2)
    }

    /// Otherwise a replayed reserve refused for lack of stock could be granted after a receipt, and
    /// the order would get two different answers to one question.
    @Test func repeatedRejectedReserve_reSendsTheOriginalRejection_evenAfterStockArrived() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 1)])
        let command = Build.reserve("r-1", "ORD-1-L1", 3)
        let first = harness.handle(command)
        harness.handle(Build.receive("in-1", 100))
        let again = harness.handle(command)
        #expect(again.outcome == .duplicate)
        #expect(again.replies == first.replies)
        #expect(again.replyOutcome == .rejected(code: .insufficientStock, available: 1,
                                                reason: "requested 3 of SKU-RED-42 but only 1 available"))
    }

    /// The crash case the reply rebuild exists for: events published, reply not yet, state restored
    /// from the event topic.
    @Test func duplicateAfterRestoreFromEvents_reSendsTheReply() {
        var live = Harness()
        live.stock([(Build.shanghai, 5)])
        let command = Build.reserve("r-1", "ORD-1-L1", 2)
        let original = live.handle(command)
        let restored = InventoryState().applying(live.published)
        let replay = InventoryDecider().decide(command, state: restored)
        #expect(replay == .duplicate(replies: original.replies))
    }

    @Test func duplicateReserve_isForgottenWithItsCommandId() {
        var harness = Harness(state: InventoryState(rememberedCommandsPerSKU: 2))
        harness.stock([(Build.shanghai, 5)])
        let command = Build.reserve("r-1", "ORD-1-L1", 1)
        harness.handle(command)
        harness.handle(Build.reserve("r-2", "ORD-1-L2", 1))
        harness.handle(Build.reserve("r-3", "ORD-1-L3", 1))
        #expect(harness.state.reservationResult(of: Build.id("r-1"), for: Build.sku) == nil)
        // Forgotten as a command, the reservation itself still answers: re-asked, not re-reserved.
        let late = harness.handle(command)
        #expect(late.outcome == .unchanged)
        #expect(late.replyOutcome == .reserved(allocations: [Build.allocation(Build.shanghai, 1)]))
        #expect(harness.state.reserved(of: Build.sku, in: Build.shanghai) == 3)
    }

    @Test func releaseAndCommit_sendNoReply() {
        var harness = Harness()
        harness.stock([(Build.shanghai, 5)])
        harness.handle(Build.reserve("r-1", "ORD-1-L1", 1))
        harness.handle(Build.reserve("r-2", "ORD-1-L2", 1))
        #expect(harness.handle(Build.release("x-1", "ORD-1-L1")).replies.isEmpty)
        #expect(harness.handle(Build.commit("c-1", "ORD-1-L2")).replies.isEmpty)
    }
}
