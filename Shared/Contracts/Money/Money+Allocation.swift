/// Splitting an amount into parts (platform fee, supplier share, distributor commission) without
/// losing or inventing a minor unit: the parts always add up to exactly the whole.
extension Money {
    /// Basis points in a whole: 10,000 bp = 100 %.
    public static let basisPointsPerWhole: Int64 = 10_000

    /// Splits the amount in proportion to `ratios` (non-negative, at least one positive).
    ///
    /// Each part first gets its exact share rounded toward zero (computed in 128 bits, so no ratio or
    /// amount overflows). The few minor units left over go one each to the parts with the largest
    /// dropped fraction, ties to the earlier part (the largest remainder method). So the result is
    /// deterministic, fair to a fen, sums to the whole, and a zero ratio always gets zero.
    /// Negative amounts (refunds) split symmetrically to positive ones.
    public func allocated(_ ratios: [Int64]) throws(MoneyError) -> [Money] {
        if ratios.isEmpty { throw .invalidRatios("no ratios") }
        if let negative = ratios.firstIndex(where: { $0 < 0 }) {
            throw .invalidRatios("ratio at index \(negative) is negative")
        }
        var ratioTotal: Int64 = 0
        for ratio in ratios {
            let (sum, overflow) = ratioTotal.addingReportingOverflow(ratio)
            if overflow { throw .invalidRatios("ratios add up to more than \(Int64.max)") }
            ratioTotal = sum
        }
        if ratioTotal == 0 { throw .invalidRatios("all ratios are zero") }

        var parts: [Int64] = []
        var droppedFractions: [UInt64] = []
        parts.reserveCapacity(ratios.count)
        droppedFractions.reserveCapacity(ratios.count)
        for ratio in ratios {
            // |amount * ratio / total| <= |amount| because ratio <= total: the quotient always fits.
            let (quotient, remainder) = ratioTotal.dividingFullWidth(minorUnits.multipliedFullWidth(by: ratio))
            parts.append(quotient)
            droppedFractions.append(remainder.magnitude)
        }

        // All parts share the amount's sign and their magnitudes add up to at most |amount|,
        // so neither this sum nor the leftover can overflow.
        let leftover = minorUnits - parts.reduce(0, +)
        let step: Int64 = leftover < 0 ? -1 : 1
        let order = droppedFractions.indices.sorted { left, right in
            droppedFractions[left] != droppedFractions[right]
                ? droppedFractions[left] > droppedFractions[right]
                : left < right
        }
        for index in order.prefix(Int(leftover.magnitude)) {
            parts[index] += step
        }
        return parts.map { Money(minorUnits: $0, currency: currency) }
    }

    /// Splits by percentages given in basis points, which must add up to exactly 10,000
    /// (e.g. `[250, 8_750, 1_000]` = 2.5 % platform fee, 87.5 % supplier, 10 % distributor).
    /// Requiring the full 10,000 makes a forgotten share an error instead of money nobody receives.
    public func split(basisPoints: [Int64]) throws(MoneyError) -> [Money] {
        var total: Int64 = 0
        for share in basisPoints {
            let (sum, overflow) = total.addingReportingOverflow(share)
            if overflow { throw .invalidRatios("basis points overflow") }
            total = sum
        }
        if total != Self.basisPointsPerWhole {
            throw .invalidRatios("basis points add up to \(total), expected \(Self.basisPointsPerWhole)")
        }
        return try allocated(basisPoints)
    }
}
