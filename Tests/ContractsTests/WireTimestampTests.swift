import Foundation
import Testing
@testable import Contracts
import Runtime

@Suite struct WireTimestampTests {
    @Test(arguments: [
        (Int64(1_795_320_000_000), "2026-11-22T04:00:00.000Z"),
        (0, "1970-01-01T00:00:00.000Z"),
        (1_709_251_199_999, "2024-02-29T23:59:59.999Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (951_868_800_000, "2000-03-01T00:00:00.000Z"),
        (-62_135_596_800_000, "0001-01-01T00:00:00.000Z"),
        (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
    ])
    func formatsAndParsesKnownInstants(_ milliseconds: Int64, _ text: String) throws {
        let date = WireTimestamp.date(milliseconds: milliseconds)
        #expect(WireTimestamp.format(date) == text)
        let parsed = try #require(WireTimestamp.parse(text))
        #expect(WireTimestamp.milliseconds(of: parsed) == milliseconds)
    }

    @Test func roundTripsEveryMillisecond_acrossTheCalendar() throws {
        var random = SeededRandom(seed: 42)
        for _ in 0..<20_000 {
            let milliseconds = Int64.random(in: -62_135_596_800_000...253_402_300_799_999, using: &random)
            let text = try #require(WireTimestamp.format(WireTimestamp.date(milliseconds: milliseconds)))
            let parsed = try #require(WireTimestamp.parse(text), "\(text)")
            #expect(WireTimestamp.milliseconds(of: parsed) == milliseconds, "\(text)")
        }
    }

    @Test func matchesFoundationsISO8601Formatter() throws {
        var random = SeededRandom(seed: 7)
        let foundation = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        for _ in 0..<2_000 {
            let seconds = Int64.random(in: 0...4_102_444_800, using: &random)  // 1970...2100, whole seconds
            let date = Date(timeIntervalSince1970: Double(seconds))
            #expect(WireTimestamp.format(date) == foundation.format(date))
        }
    }

    @Test func acceptsOtherFractionLengths_truncatingToMilliseconds() throws {
        #expect(WireTimestamp.parse("2026-11-22T04:00:00Z").map(WireTimestamp.milliseconds) == 1_795_320_000_000)
        #expect(WireTimestamp.parse("2026-11-22T04:00:00.5Z").map(WireTimestamp.milliseconds) == 1_795_320_000_500)
        #expect(WireTimestamp.parse("2026-11-22T04:00:00.123999Z").map(WireTimestamp.milliseconds) == 1_795_320_000_123)
    }

    @Test(arguments: ["2026-11-22T04:00:00.000", "2026-11-22T04:00:00.000+00:00", "2026-02-29T00:00:00Z",
                      "2026-13-01T00:00:00Z", "2026-11-22 04:00:00Z", "2026-11-22T24:00:00Z",
                      "2026-11-22T04:00:60Z", "2026-11-22T04:00:00.Z", "2026-11-22T04:00:00.1234567890Z",
                      "26-11-22T04:00:00Z", ""])
    func rejectsAnythingButUTCWithZ(_ text: String) {
        #expect(WireTimestamp.parse(text) == nil)
    }

    @Test func envelopesRoundTheirTimestampToMilliseconds_soDecodedEqualsEncoded() throws {
        let envelope = Envelope(id: Samples.id("m-1"), occurredAt: Date(timeIntervalSince1970: 1_795_320_000.123456),
                                causationId: nil, correlationId: Samples.correlation, tenant: "tradeflow", key: "k",
                                payload: RawFamily(messageType: "x.y", version: 1, payload: .object([:])))
        #expect(WireTimestamp.milliseconds(of: envelope.occurredAt) == 1_795_320_000_123)
        #expect(try WireFormat.decode(WireFormat.encode(envelope), as: RawFamily.self) == envelope)
    }
}
