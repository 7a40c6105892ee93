import Testing
import Contracts
import Runtime

@Suite struct MoneyAllocationTests {
    private func cny(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .cny) }

    @Test func givesLeftoverUnits_toLargestDroppedFractions_tiesToEarlierParts() throws {
        #expect(try cny(100).allocated([1, 1, 1]).map(\.minorUnits) == [34, 33, 33])
        #expect(try cny(1).allocated([1, 99]).map(\.minorUnits) == [0, 1])
        #expect(try cny(5).allocated([1, 1]).map(\.minorUnits) == [3, 2])
        #expect(try cny(-100).allocated([1, 1, 1]).map(\.minorUnits) == [-34, -33, -33])
        #expect(try cny(10).allocated([0, 3, 0, 7]).map(\.minorUnits) == [0, 3, 0, 7])
    }

    @Test func splitsByBasisPoints_platformSupplierDistributor() throws {
        // 2.5 % platform fee, 87.5 % supplier, 10 % distributor of 123.45 CNY:
        // exact shares 308.625, 10801.875, 1234.5 -> leftover 2 fen go to the .875 and the .625 part.
        let parts = try cny(12345).split(basisPoints: [250, 8_750, 1_000])
        #expect(parts.map(\.minorUnits) == [309, 10_802, 1_234])
        #expect(parts.allSatisfy { $0.currency == .cny })
    }

    @Test func refusesBasisPoints_thatDoNotMakeAWhole() {
        #expect(throws: MoneyError.invalidRatios("basis points add up to 9999, expected 10000")) {
            try cny(100).split(basisPoints: [250, 9_749])
        }
    }

    @Test func refusesInvalidRatios() {
        #expect(throws: MoneyError.self) { try cny(100).allocated([]) }
        #expect(throws: MoneyError.self) { try cny(100).allocated([0, 0]) }
        #expect(throws: MoneyError.self) { try cny(100).allocated([1, -1, 1]) }
        #expect(throws: MoneyError.self) { try cny(100).allocated([.max, 1]) }
    }

    /// The property that matters: over many random amounts and ratios (extremes included) the
    /// parts add up to the whole, each is within one minor unit of its exact share, and a zero
    /// ratio gets nothing. Seeded, so a failure reproduces.
    @Test func neverLosesOrInventsAMinorUnit() throws {
        var random = SeededRandom(seed: 0x7261_6465_666c_6f77)
        for round in 0..<20_000 {
            let amount: Int64 = switch round % 4 {
            case 0: Int64.random(in: -1_000...1_000, using: &random)
            case 1: Int64.random(in: -10_000_000_000...10_000_000_000, using: &random)
            case 2: Int64.random(in: .min ... .max, using: &random)
            default: [Int64.max, .min, .max - 1, .min + 1, 0, 1, -1][round / 4 % 7]
            }
            let count = Int.random(in: 1...9, using: &random)
            let ceiling: Int64 = round % 3 == 0 ? Int64.max / 16 : 10_000
            var ratios = (0..<count).map { _ in Int64.random(in: 0...ceiling, using: &random) }
            if round % 5 == 0 { ratios[0] = 0 }
            if ratios.allSatisfy({ $0 == 0 }) { ratios[count - 1] = 1 }

            let parts = try Money(minorUnits: amount, currency: .usd).allocated(ratios).map(\.minorUnits)
            let context = Comment(rawValue: "amount \(amount) ratios \(ratios) parts \(parts)")
            #expect(parts.count == ratios.count, context)
            // Wrapping addition so that a broken allocation fails the expectation instead of trapping.
            #expect(parts.reduce(0, &+) == amount, context)
            let total = ratios.reduce(0, +)
            for (part, ratio) in zip(parts, ratios) {
                let truncatedShare = total.dividingFullWidth(amount.multipliedFullWidth(by: ratio)).quotient
                #expect(part == truncatedShare || part == truncatedShare + (amount < 0 ? -1 : 1), context)
                if ratio == 0 { #expect(part == 0, context) }
            }
            #expect(try Money(minorUnits: amount, currency: .usd).allocated(ratios).map(\.minorUnits) == parts,
                    "allocation must be deterministic")
        }
    }
}
