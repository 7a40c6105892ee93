import Foundation
import Testing
@testable import Contracts

/// The answer to a supplier's stock command, frozen: the gateway decodes it on its reply partition.
@Suite struct StockCommandReplyFixtureTests {
    static func reply(_ id: String, _ payload: StockCommandReply, causation: String) -> Envelope<StockCommandReply> {
        Envelope(id: Samples.id(id), occurredAt: Samples.date("2026-11-22T04:06:00.004Z"), causationId: Samples.id(causation),
                 correlationId: Samples.correlation, tenant: "tradeflow", key: "gw-2", payload: payload)
    }

    static let replies: [(String, Envelope<StockCommandReply>)] = [
        ("inventory.stock-command-reply.v1.json", reply("rep-0002", StockCommandReply(
            requestId: "req-000050", commandId: Samples.id("cmd-0002"), sku: Samples.sku, warehouse: Samples.warehouse,
            outcome: .recorded, onHand: 113, available: 101), causation: "cmd-0002")),
        ("inventory.stock-command-reply.v1.rejected.json", reply("rep-0003", StockCommandReply(
            requestId: "req-000051", commandId: Samples.id("cmd-0003"), sku: Samples.sku, warehouse: Samples.warehouse,
            outcome: .rejected, code: .insufficientStock, field: "delta",
            reason: "delta -200 would leave on-hand at -87 in warehouse WH-SH-01 (on hand 113)"), causation: "cmd-0003")),
    ]

    @Test(arguments: replies.map(\.0))
    func encodesStockCommandReply_byteForByteAsFixture(_ fixture: String) throws {
        let value = try #require(Self.replies.first { $0.0 == fixture }?.1)
        let expected = try FixtureFiles.bytes(fixture)
        FixtureFiles.expectSameBytes(try WireFormat.encode(value), expected, fixture)
        #expect(try WireFormat.decode(expected, as: StockCommandReply.self) == value)
    }

    @Test func replyType_isInTheInventoryDomain_butNeitherCommandNorEvent() {
        #expect(StockCommandReply.messageType.hasPrefix("inventory."))
        #expect(!(InventoryCommand.messageTypes + InventoryEvent.messageTypes).contains(StockCommandReply.messageType))
    }

    @Test func aStockCommand_withoutAReplyAddress_decodesWithNone() throws {
        let plain = try WireFormat.decode(FixtureFiles.bytes("inventory.adjust-stock.v1.json"), as: InventoryCommand.self)
        #expect(plain.payload.replyTo == nil)
        let asking = try WireFormat.decode(FixtureFiles.bytes("inventory.adjust-stock.v1.with-reply-address.json"),
                                           as: InventoryCommand.self)
        #expect(asking.payload.replyTo?.requestId == "req-000051")
    }
}
