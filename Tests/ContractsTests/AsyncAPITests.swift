import Foundation
import Testing
@testable import Contracts

/// `Shared/Contracts/asyncapi.json` documents the public topics for outside subscribers. It is
/// generated from the registry and the golden fixtures; these tests keep it current and check
/// every example against the real decoder and encoder.
///
/// After changing a public message: `TRADEFLOW_WRITE_ASYNCAPI=1 swift test --filter AsyncAPITests`.
@Suite struct AsyncAPITests {
    static let documentURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Shared/Contracts/asyncapi.json").standardizedFileURL

    static func fixtures() throws -> [(name: String, bytes: [UInt8])] {
        try FixtureFiles.names().filter { $0.hasSuffix(".json") }.map { ($0, try FixtureFiles.bytes($0)) }
    }

    @Test func committedDocument_isCurrent() throws {
        let generated = try AsyncAPIDocument.encode(AsyncAPIDocument.build(fixtures: Self.fixtures()))
        if ProcessInfo.processInfo.environment["TRADEFLOW_WRITE_ASYNCAPI"] == "1" {
            try Data(generated).write(to: Self.documentURL, options: .atomic)
        }
        let committed = Array(try Data(contentsOf: Self.documentURL))
        #expect(committed == generated,
                "Shared/Contracts/asyncapi.json is stale: run TRADEFLOW_WRITE_ASYNCAPI=1 swift test --filter AsyncAPITests")
    }

    @Test func everyPublicMessageType_hasAnExample() throws {
        let examples = try AsyncAPIDocument.examples(fixtures: Self.fixtures())
        for channel in AsyncAPIDocument.channels {
            #expect(Topics.named(channel.topic.name) == channel.topic)
            for type in channel.messageTypes {
                #expect(!(examples[type] ?? []).isEmpty, "\(channel.topic.name): no example of \(type)")
            }
        }
    }

    /// What a subscriber reads in the document is what the platform writes: each example decodes
    /// with the channel's real family and encodes back to the same bytes.
    @Test func everyExample_roundTripsThroughTheRealCodec() throws {
        let document = try WireFormat.decodeValue(JSONValue.self, from: Array(Data(contentsOf: Self.documentURL)))
        guard case let .object(root) = document, case let .object(components)? = root["components"],
              case let .object(messages)? = components["messages"] else {
            Issue.record("no components.messages"); return
        }
        var checked = 0
        for channel in AsyncAPIDocument.channels {
            for type in channel.messageTypes {
                guard case let .object(message)? = messages[AsyncAPIDocument.messageId(type)],
                      case let .array(examples)? = message["examples"] else {
                    Issue.record("\(type) is not documented"); continue
                }
                for case let .object(example) in examples {
                    guard let payload = example["payload"] else { continue }
                    let bytes = try WireFormat.encodeValue(payload)
                    let reencoded = try reencode(bytes, topic: channel.topic.name)
                    #expect(reencoded == bytes, "\(type): \(example["name"].map { "\($0)" } ?? "")")
                    checked += 1
                }
            }
        }
        #expect(checked > 50)
    }

    private func reencode(_ bytes: [UInt8], topic: String) throws -> [UInt8] {
        switch topic {
        case Topics.orderEvents.name: try WireFormat.encode(WireFormat.decode(bytes, as: OrderEvent.self))
        case Topics.inventoryEvents.name, Topics.inventoryInbound.name:
            if let event = try? WireFormat.decode(bytes, as: InventoryEvent.self) {
                try WireFormat.encode(event)
            } else {
                try WireFormat.encode(WireFormat.decode(bytes, as: InventoryCommand.self))
            }
        case Topics.paymentEvents.name: try WireFormat.encode(WireFormat.decode(bytes, as: PaymentEvent.self))
        case Topics.catalogEvents.name: try WireFormat.encode(WireFormat.decode(bytes, as: CatalogEvent.self))
        case Topics.shipmentInbound.name: try WireFormat.encode(WireFormat.decode(bytes, as: ShipmentUpdate.self))
        default: throw CocoaError(.featureUnsupported)
        }
    }
}
