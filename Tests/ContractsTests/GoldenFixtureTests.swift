import Foundation
import Testing
@testable import Contracts

/// The wire format, frozen. A failure here means bytes on Kafka would change: that is a breaking
/// change for every consumer (and outside subscriber). Add a field, or publish a new `.vN`; do not
/// edit a fixture to make a test pass.
@Suite struct GoldenFixtureTests {
    @Test(arguments: Samples.commands.map(\.0))
    func encodesInventoryCommand_byteForByteAsFixture(_ fixture: String) throws {
        let value = try #require(Samples.commands.first { $0.0 == fixture }?.1)
        try expectEncoding(value, equals: fixture)
    }

    @Test(arguments: Samples.events.map(\.0))
    func encodesInventoryEvent_byteForByteAsFixture(_ fixture: String) throws {
        let value = try #require(Samples.events.first { $0.0 == fixture }?.1)
        try expectEncoding(value, equals: fixture)
    }

    @Test(arguments: Samples.commands.map(\.0))
    func decodesInventoryCommandFixture_toExpectedValue(_ fixture: String) throws {
        let expected = try #require(Samples.commands.first { $0.0 == fixture }?.1)
        #expect(try WireFormat.decode(FixtureFiles.bytes(fixture), as: InventoryCommand.self) == expected)
    }

    @Test(arguments: Samples.events.map(\.0))
    func decodesInventoryEventFixture_toExpectedValue(_ fixture: String) throws {
        let expected = try #require(Samples.events.first { $0.0 == fixture }?.1)
        #expect(try WireFormat.decode(FixtureFiles.bytes(fixture), as: InventoryEvent.self) == expected)
    }

    @Test func everyInventoryMessageType_hasAFixture() throws {
        let covered = Set(Samples.commands.map(\.1.type) + Samples.events.map(\.1.type))
        #expect(covered == Set(InventoryCommand.messageTypes + InventoryEvent.messageTypes))
        for type in InventoryCommand.messageTypes + InventoryEvent.messageTypes {
            #expect(try FixtureFiles.names().contains("\(type).v1.json"), "no fixture for \(type)")
        }
    }

    @Test func encodesEnvelopeWithEveryHeaderField_byteForByteAsFixture() throws {
        try expectEncoding(Samples.allHeaderFields, equals: "envelope.all-header-fields.json")
        let decoded = try WireFormat.decode(FixtureFiles.bytes("envelope.all-header-fields.json"), as: RawFamily.self)
        #expect(decoded == Samples.allHeaderFields)
    }

    @Test func encodesMoneyExamples_byteForByteAsFixture() throws {
        let expected = try FixtureFiles.bytes("money.examples.json")
        FixtureFiles.expectSameBytes(try WireFormat.encodeValue(Samples.money), expected, "money.examples.json")
        #expect(try WireFormat.decodeValue([Money].self, from: expected) == Samples.money)
    }

    /// Tooling that handles any topic (DLQ inspection, re-drive) must not alter a message.
    @Test func rawFamily_reencodesEveryEnvelopeFixtureUnchanged() throws {
        for name in try FixtureFiles.names() where name != "money.examples.json" {
            let bytes = try FixtureFiles.bytes(name)
            let raw = try WireFormat.decode(bytes, as: RawFamily.self)
            FixtureFiles.expectSameBytes(try WireFormat.encode(raw), bytes, name)
        }
    }

    @Test func headerDecoding_readsEveryEnvelopeFixture_withoutThePayloadFamily() throws {
        for (name, envelope) in Samples.commands {
            #expect(try WireFormat.decodeHeader(FixtureFiles.bytes(name)) == envelope.header)
        }
        for (name, envelope) in Samples.events {
            #expect(try WireFormat.decodeHeader(FixtureFiles.bytes(name)) == envelope.header)
        }
        let header = try WireFormat.decodeHeader(FixtureFiles.bytes("envelope.all-header-fields.json"))
        #expect(header == Samples.allHeaderFields.header)
        #expect(header.type == "order.placed" && header.version == 3)
    }

    /// Linux's Foundation sorts keys by code point, Apple's case-insensitively. They agree as long as
    /// no two sibling keys differ first by case (e.g. "onHand" and "one"); keep it that way so the
    /// wire is the same wherever the encoder runs.
    @Test func fixtureKeys_sortTheSameOnEveryPlatform() throws {
        func check(_ value: JSONValue, in fixture: String) {
            switch value {
            case let .object(members):
                let keys = Array(members.keys)
                #expect(keys.sorted() == keys.sorted { $0.lowercased() < $1.lowercased() }, "\(fixture): \(keys)")
                members.values.forEach { check($0, in: fixture) }
            case let .array(elements):
                elements.forEach { check($0, in: fixture) }
            default:
                break
            }
        }
        for name in try FixtureFiles.names() {
            check(try WireFormat.decodeValue(JSONValue.self, from: FixtureFiles.bytes(name)), in: name)
        }
    }

    private func expectEncoding<M: MessageFamily>(_ envelope: Envelope<M>, equals fixture: String) throws {
        let expected = try FixtureFiles.bytes(fixture)
        FixtureFiles.expectSameBytes(try WireFormat.encode(envelope), expected, fixture)
    }
}
