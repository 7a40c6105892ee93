import Packing
import Testing

@Suite struct DeflateTests {
    /// Bytes from a fixed linear congruential sequence: incompressible enough to exercise stored blocks.
    private static func noise(_ count: Int) -> [UInt8] {
        var state: UInt32 = 2_463_534_242
        return (0..<count).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
    }

    @Test(arguments: [0, 1, 100, 70_000])
    func roundTrips_noise(count: Int) throws {
        let input = Self.noise(count)
        let packed = try Deflate.compress(input)
        #expect(try Deflate.decompress(packed, originalSize: input.count) == input)
    }

    @Test func shrinksRepetitiveText() throws {
        let input = Array(String(repeating: #"{"sku":"P0096-2","quantity":20},"#, count: 100).utf8)
        let packed = try Deflate.compress(input)
        #expect(packed.count * 10 < input.count)
        #expect(try Deflate.decompress(packed, originalSize: input.count) == input)
    }

    @Test func refusesAWrongRecordedSize() throws {
        let input = Array("quiet orders are packed".utf8)
        let packed = try Deflate.compress(input)
        #expect(throws: Deflate.Failure.self) { try Deflate.decompress(packed, originalSize: input.count - 1) }
        #expect(throws: Deflate.Failure.sizeMismatch(expected: input.count + 5, actual: input.count)) {
            try Deflate.decompress(packed, originalSize: input.count + 5)
        }
    }

    @Test func roundTripsWithADictionary_andNeedsTheSameOne() throws {
        let dictionary = Array(#"{"status":"confirmed","currency":"CNY"}"#.utf8)
        let input = Array(#"{"currency":"CNY","status":"confirmed"}"#.utf8)
        let packed = try Deflate.compress(input, dictionary: dictionary)
        #expect(packed.count < (try Deflate.compress(input)).count)
        #expect(try Deflate.decompress(packed, originalSize: input.count, dictionary: dictionary) == input)
        #expect((try? Deflate.decompress(packed, originalSize: input.count)) != input)
        #expect(Deflate.checksum(dictionary) != Deflate.checksum(input))
    }

    @Test func refusesBytesThatAreNotDeflate() {
        #expect(throws: Deflate.Failure.self) { try Deflate.decompress([0xFF, 0xFF, 0xFF, 0xFF], originalSize: 10) }
        #expect(throws: Deflate.Failure.self) { try Deflate.decompress([], originalSize: 10) }
    }
}
