import Foundation
import Testing
@testable import Contracts

/// The catalog wire format, frozen. A failure here means bytes on Kafka would change: a breaking
/// change for every consumer (the gateway replica, order). Add a field, or publish a new version;
/// do not edit a fixture to make a test pass.
@Suite struct CatalogGoldenFixtureTests {
    @Test(arguments: CatalogSamples.commands.map(\.0))
    func encodesCatalogCommand_byteForByteAsFixture(_ fixture: String) throws {
        let value = try #require(CatalogSamples.commands.first { $0.0 == fixture }?.1)
        try expectEncoding(value, equals: fixture)
        #expect(try WireFormat.decode(FixtureFiles.bytes(fixture), as: CatalogCommand.self) == value)
        #expect(value.key == value.payload.partitionKey)
    }

    @Test(arguments: CatalogSamples.events.map(\.0))
    func encodesCatalogEvent_byteForByteAsFixture(_ fixture: String) throws {
        let value = try #require(CatalogSamples.events.first { $0.0 == fixture }?.1)
        try expectEncoding(value, equals: fixture)
        #expect(try WireFormat.decode(FixtureFiles.bytes(fixture), as: CatalogEvent.self) == value)
        #expect(value.key == value.payload.key)
    }

    @Test(arguments: CatalogSamples.replies.map(\.0))
    func encodesCatalogReply_byteForByteAsFixture(_ fixture: String) throws {
        let value = try #require(CatalogSamples.replies.first { $0.0 == fixture }?.1)
        try expectEncoding(value, equals: fixture)
        #expect(try WireFormat.decode(FixtureFiles.bytes(fixture), as: CatalogReply.self) == value)
    }

    @Test func everyCatalogMessageType_hasAFixture() throws {
        let types = CatalogCommand.messageTypes + CatalogEvent.messageTypes + CatalogReply.messageTypes
        let covered = CatalogSamples.commands.map(\.1.type) + CatalogSamples.events.map(\.1.type)
            + CatalogSamples.replies.map(\.1.type)
        #expect(Set(covered) == Set(types))
        #expect(Set(types).count == types.count)
        for type in types {
            #expect(type.hasPrefix("catalog."))
            #expect(try FixtureFiles.names().contains("\(type).v1.json"), "no fixture for \(type)")
        }
    }

    @Test func unknownPriceRuleKind_failsToDecode_namingTheKind() throws {
        let fixture = try FixtureFiles.bytes("catalog.price-list-changed.v1.json")
        let text = String(decoding: fixture, as: UTF8.self).replacingOccurrences(of: "\"kind\":\"regional\"",
                                                                                 with: "\"kind\":\"loyalty\"")
        #expect(throws: WireFormatError.self) { try WireFormat.decode(Array(text.utf8), as: CatalogEvent.self) }
        do {
            _ = try WireFormat.decode(Array(text.utf8), as: CatalogEvent.self)
        } catch {
            #expect(error.reason.contains("unknown price rule kind \"loyalty\""), "\(error.reason)")
        }
    }

    @Test func payloadDates_areRoundedToTheWiresMilliseconds() throws {
        let listing = ShopListing(sku: CatalogSamples.id("S"), product: CatalogSamples.id("P"),
                                  supplier: CatalogSamples.supplier, pricing: .markup(basisPoints: 0),
                                  listedAt: Date(timeIntervalSince1970: 1.0004))
        #expect(listing.listedAt == Date(timeIntervalSince1970: 1.0))
        let bytes = try WireFormat.encodeValue(listing)
        #expect(try WireFormat.decodeValue(ShopListing.self, from: bytes) == listing)
    }

    private func catalogFixtureNames() throws -> [String] {
        try FixtureFiles.names().filter { $0.hasPrefix("catalog.") }
    }

    private func expectEncoding<M: MessageFamily>(_ envelope: Envelope<M>, equals fixture: String) throws {
        let expected = try FixtureFiles.bytes(fixture)
        FixtureFiles.expectSameBytes(try WireFormat.encode(envelope), expected, fixture)
    }
}
