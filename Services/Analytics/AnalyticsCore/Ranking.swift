import Contracts

/// Cuts unbounded tallies down to what a snapshot shows. Always a total order (ties broken by key),
/// so the same tallies give the same list however they were folded.
enum Ranking {
    /// By GMV in `currency` (desc), then units (desc), then key.
    static func byRevenue(_ tallies: [String: Tally], currency: Currency?) -> [(key: String, tally: Tally)] {
        tallies.map { (key: $0.key, tally: $0.value) }.sorted { left, right in
            let (leftGMV, rightGMV) = (left.tally.gmv.minorUnits(in: currency), right.tally.gmv.minorUnits(in: currency))
            if leftGMV != rightGMV { return leftGMV > rightGMV }
            if left.tally.units != right.tally.units { return left.tally.units > right.tally.units }
            return left.key < right.key
        }
    }

    /// By units (desc), then GMV in `currency` (desc), then key.
    static func byUnits(_ tallies: [String: Tally], currency: Currency?) -> [(key: String, tally: Tally)] {
        tallies.map { (key: $0.key, tally: $0.value) }.sorted { left, right in
            if left.tally.units != right.tally.units { return left.tally.units > right.tally.units }
            let (leftGMV, rightGMV) = (left.tally.gmv.minorUnits(in: currency), right.tally.gmv.minorUnits(in: currency))
            if leftGMV != rightGMV { return leftGMV > rightGMV }
            return left.key < right.key
        }
    }

    /// The top `limit` by revenue, the rest summed under "other".
    static func breakdown(_ tallies: [String: Tally], currency: Currency?, limit: Int) -> AnalyticsBreakdown {
        let ranked = byRevenue(tallies, currency: currency)
        let rest = ranked.dropFirst(limit)
        var other = Tally()
        for entry in rest { other.add(entry.tally) }
        return AnalyticsBreakdown(entries: ranked.prefix(limit).map { $0.tally.figures(key: $0.key) },
                                  other: rest.isEmpty ? nil : other.figures(key: "other"), keyCount: ranked.count)
    }

    static func topSKUs(_ tallies: [SKU: Tally], currency: Currency?, limit: Int) -> AnalyticsTopSKUs {
        let byKey = Dictionary(uniqueKeysWithValues: tallies.map { ($0.key.rawValue, $0.value) })
        return AnalyticsTopSKUs(
            byRevenue: byRevenue(byKey, currency: currency).prefix(limit).map { $0.tally.figures(key: $0.key) },
            byUnits: byUnits(byKey, currency: currency).prefix(limit).map { $0.tally.figures(key: $0.key) })
    }

    /// `part / whole` in basis points, rounded down; nil for an empty whole.
    static func basisPoints(_ part: Int64, of whole: Int64) -> Int64? {
        guard whole > 0 else { return nil }
        return Int64((Int128(part) * 10_000) / Int128(whole))
    }

    /// `amount / count` rounded half away from zero.
    static func average(_ amount: Int64, over count: Int64) -> Int64 {
        guard count > 0 else { return 0 }
        let (quotient, remainder) = amount.quotientAndRemainder(dividingBy: count)
        guard remainder.magnitude >= count.magnitude - remainder.magnitude else { return quotient }
        return amount < 0 ? quotient - 1 : quotient + 1
    }
}
