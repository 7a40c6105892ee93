import Crypto
import Testing

@Suite struct RandomAndComparisonTests {
    @Test func secureRandom_returnsRequestedCount_andDiffersBetweenCalls() throws {
        let first = try SecureRandom.bytes(count: 32)
        let second = try SecureRandom.bytes(count: 32)
        #expect(first.count == 32 && second.count == 32)
        #expect(first != second)
        #expect(try SecureRandom.bytes(count: 0).isEmpty)
    }

    @Test func secureRandom_refusesNegativeOrHugeCounts() {
        #expect(throws: CryptoError.self) { try SecureRandom.bytes(count: -1) }
        #expect(throws: CryptoError.self) { try SecureRandom.bytes(count: SecureRandom.maximumCount + 1) }
    }

    @Test func constantTimeEquals_comparesContentAndLength() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(ConstantTime.equals([], []))
        #expect(!ConstantTime.equals([], [0]))
    }

    @Test func hex_roundTrips_andRefusesBadInput() {
        #expect(Hex.encode([0x00, 0xab, 0xff]) == "00abff")
        #expect(Hex.decode("00ABff") == [0x00, 0xab, 0xff])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
    }
}
