import Kafka
import ServiceKit
import Testing

@Suite struct SkippedMessageTypesTests {
    let skipped = SkippedMessageTypes(["order.line-reserved"])

    func message(type: String?) -> KafkaMessage {
        KafkaMessage(topic: "order.events.v1", partition: 0, offset: 1, key: nil, value: Array("{}".utf8),
                     headers: type.map { [KafkaHeader(name: RecordHeaders.type, text: $0)] } ?? [])
    }

    @Test func aRecordWhoseTypeHeaderIsListed_isSkipped() {
        #expect(skipped.skips(message(type: "order.line-reserved")))
    }

    @Test func anotherType_orNoHeaderAtAll_isDecoded() {
        #expect(!skipped.skips(message(type: "order.confirmed")))
        // Written by an outside tool: parsed, so a broken record still reaches the DLQ.
        #expect(!skipped.skips(message(type: nil)))
        #expect(!SkippedMessageTypes([]).skips(message(type: "order.line-reserved")))
    }
}
