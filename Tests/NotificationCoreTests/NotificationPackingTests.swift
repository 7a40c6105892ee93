import Contracts
import Foundation
import NotificationCore
import Packing
import Testing

/// What a notification says is kept packed; the inbox, deliveries and checkpoints must not notice.
@Suite struct NotificationPackingTests {
    private func delivered(_ count: Int) -> Harness {
        var harness = Harness()
        for index in 0..<count {
            harness.handle(Fixture.command("cmd-\(index)", Fixture.deliver("n-\(index)", type: NotificationEventTypes.orderShipped,
                                                                          parameters: ["order": "ORD-\(index)", "carrier": "SF Express"])))
        }
        return harness
    }

    @Test func aRecordReadsBackWhatItWasCreatedWith() throws {
        let record = try #require(delivered(1).state.company(Fixture.buyer)?.record(Fixture.id("n-0")))
        let content = record.content
        #expect(content.eventType == NotificationEventTypes.orderShipped)
        #expect(content.parameters == ["order": "ORD-0", "carrier": "SF Express"])
        #expect(content.link == "/v1/orders/ORD-1" && content.occurredAt == Fixture.t0)
        #expect(record.eventType == content.eventType && record.parameters == content.parameters)
    }

    @Test func aCheckpoint_keepsTheContentPacked_andRestoresTheSameState() throws {
        let state = delivered(3).state
        let bytes = try StreamingJSONEncoder().encode(state)
        #expect(!String(decoding: bytes, as: UTF8.self).contains("SF Express"), "the words are in the packed bytes only")
        let read = try WireFormat.decodeValue(NotificationState.self, from: bytes)
        #expect(read == state)
        #expect(read.company(Fixture.buyer)?.record(Fixture.id("n-2"))?.parameters["order"] == "ORD-2")
    }

    @Test func theDictionaryShrinksAPackedNotification() throws {
        let content = try #require(delivered(1).state.company(Fixture.buyer)?.record(Fixture.id("n-0"))).content
        let withDictionary = try Packed(content).bytes.count
        let without = try Deflate.compress(WireFormat.encodeValue(content)).count
        #expect(withDictionary * 10 < without * 8, "\(withDictionary) bytes with the dictionary, \(without) without")
    }
}
