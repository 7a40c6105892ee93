import Contracts
import Foundation
import Packing
import Testing

@Suite struct PackedTests {
    private struct Sample: Packable, Equatable {
        let id: String
        let at: Date
        let lines: [Int64]
        let note: String?
    }

    private let sample = Sample(id: "O-0022ec55cc001502e79c", at: Date(timeIntervalSince1970: 1_795_000_000.123),
                                lines: (1...200).map { $0 % 7 }, note: "deliver to dock 4 / 四号码头")

    @Test func unpacksTheValuePacked() throws {
        #expect(try Packed(sample).unpacked() == sample)
    }

    @Test func takesLessThanItsJSON() throws {
        let packed = try Packed(sample)
        #expect(try packed.bytes.count < WireFormat.encodeValue(sample).count / 2)
    }

    /// A checkpoint carries packed values as they are; reading one back gives the same value.
    @Test func survivesACheckpointRoundTrip() throws {
        let written = try WireFormat.encodeValue(Packed(sample))
        let read = try WireFormat.decodeValue(Packed<Sample>.self, from: written)
        #expect(try read.unpacked() == sample)
    }

    /// The same shape with a preset dictionary (as `OrderRecord` has one).
    private struct Described: Packable, Equatable {
        static let packingDictionary = Array(#"{"id":"O-","at":"2026-","lines":[],"note":"deliver to dock"}"#.utf8)
        let id: String
        let note: String
    }

    @Test func aPresetDictionary_packsSmaller_andUnpacksTheSameValue() throws {
        let value = Described(id: "O-1", note: "deliver to dock 4")
        let packed = try Packed(value)
        let plain = try Deflate.compress(WireFormat.encodeValue(value))
        #expect(packed.bytes.count < plain.count)
        #expect(try packed.unpacked() == value)
    }

    /// A checkpoint written with another dictionary (another version) is refused, not misread.
    @Test func refusesACheckpointPackedWithAnotherDictionary() throws {
        let written = try WireFormat.encodeValue(Packed(Described(id: "O-1", note: "n")))
        var json = try #require(try JSONSerialization.jsonObject(with: Data(written)) as? [String: Any])
        json["dictionary"] = 12345
        let other = try JSONSerialization.data(withJSONObject: json)
        #expect(throws: WireFormatError.self) { try WireFormat.decodeValue(Packed<Described>.self, from: Array(other)) }
    }

    @Test func refusesDamagedBytes() throws {
        let written = try WireFormat.encodeValue(Packed(sample))
        var json = try #require(try JSONSerialization.jsonObject(with: Data(written)) as? [String: Any])
        json["deflated"] = Data([1, 2, 3, 4]).base64EncodedString()
        let damaged = try JSONSerialization.data(withJSONObject: json)
        let read = try WireFormat.decodeValue(Packed<Sample>.self, from: Array(damaged))
        #expect(throws: (any Error).self) { try read.unpacked() }
    }
}
