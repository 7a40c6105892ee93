import Contracts

/// The arithmetic of split settlement (分账). Every result comes from `Money.split(basisPoints:)` or
/// `Money.allocated(_:)`, so parts always add up to the whole, to the minor unit.
enum SettlementCalculator {
    /// Splits `line.amount` by `rate` into commission, margin, rebate and the supplier's rest.
    static func share(of line: SettlementLine, at rate: SettlementRate) throws(MoneyError) -> SettlementShare {
        let parts = try line.amount.split(basisPoints: [
            rate.platformCommissionBasisPoints, rate.distributorMarginBasisPoints, rate.rebateBasisPoints,
            rate.supplierBasisPoints,
        ])
        return SettlementShare(subOrder: line.subOrder, supplier: line.supplier, distributor: line.distributor,
                               amount: line.amount, platformCommission: parts[0], distributorMargin: parts[1],
                               rebate: parts[2], supplierPayable: parts[3])
    }

    /// The shares of every line of an authorization. Rates were fixed one per line, in the lines'
    /// order (a sub-order has several lines when it spans categories or distributors' shops).
    static func shares(of lines: [SettlementLine], rates: [SettlementRate]) throws(MoneyError) -> [SettlementShare] {
        var shares: [SettlementShare] = []
        for (index, line) in lines.enumerated() {
            let rate = index < rates.count && rates[index].subOrder == line.subOrder
                ? rates[index] : SettlementRuleBook(rules: []).rate(for: line)
            shares.append(try share(of: line, at: rate))
        }
        return shares
    }

    /// What a refund of `amount` takes back from each part: `amount` allocated in proportion to
    /// what each part still holds (its original value minus what earlier refunds took). So every
    /// refund's parts add up to it exactly, no part is ever taken below zero, and refunding the rest
    /// takes back exactly what is left: the refunds of an order add up to its shares exactly.
    ///
    /// `amount` must be positive and at most what the parts still hold (the decider checks).
    ///
    /// With `returned` (the settlement lines the refunded goods were sold under, each with the
    /// amount refunded from it, matched to `settlement` by sub-order, distributor and category),
    /// each line's amount is taken from that line's share alone: a distributor gives back its
    /// margin only on what its shop sold. Lines that do not match, or ask more than a share still
    /// holds, fall back to the proportional reversal.
    static func reversal(of shares: [SettlementShare], settlement: [SettlementLine], after earlier: [[SettlementShare]],
                         amount: Money, returned: [SettlementLine]?) throws(MoneyError) -> [SettlementShare] {
        let remaining = remainingParts(of: shares, after: earlier)
        guard let returned, !returned.isEmpty, settlement.count == shares.count,
              let portions = portions(of: returned, in: settlement, amount: amount, remaining: remaining) else {
            return try reversal(of: shares, remaining: remaining, amount: amount)
        }
        var reversed: [SettlementShare] = []
        for (index, share) in shares.enumerated() {
            let portion = Money(minorUnits: portions[index], currency: amount.currency)
            let parts = portions[index] == 0 ? [Money](repeating: .zero(amount.currency), count: 4)
                                             : try portion.allocated(remaining[index])
            reversed.append(reversedShare(share, parts: parts, currency: amount.currency))
        }
        return reversed
    }

    /// Per share, what `returned` takes from it; nil when a line matches no settlement line, the
    /// lines do not add up to `amount`, or a share would give back more than it still holds.
    private static func portions(of returned: [SettlementLine], in settlement: [SettlementLine], amount: Money,
                                 remaining: [[Int64]]) -> [Int64]? {
        var portions = [Int64](repeating: 0, count: settlement.count)
        var total: Int64 = 0
        for line in returned {
            guard line.amount.currency == amount.currency, line.amount.minorUnits >= 0,
                  let index = settlement.firstIndex(where: {
                      $0.subOrder == line.subOrder && $0.distributor == line.distributor && $0.category == line.category
                  }) else { return nil }
            portions[index] += line.amount.minorUnits
            total += line.amount.minorUnits
        }
        guard total == amount.minorUnits,
              portions.indices.allSatisfy({ portions[$0] <= remaining[$0].reduce(0, +) }) else { return nil }
        return portions
    }

    /// What each share's four parts still hold after `earlier` refunds took theirs.
    private static func remainingParts(of shares: [SettlementShare], after earlier: [[SettlementShare]]) -> [[Int64]] {
        // Every refund reverses the shares in their order, so position i of each is share i's part.
        var taken = [[Int64]](repeating: [0, 0, 0, 0], count: shares.count)
        for refund in earlier {
            for (index, share) in refund.enumerated() where index < taken.count {
                taken[index] = zip(taken[index], share.parts.map(\.minorUnits)).map { $0 + $1 }
            }
        }
        return shares.enumerated().map { index, share in zip(share.parts.map(\.minorUnits), taken[index]).map { $0 - $1 } }
    }

    private static func reversedShare(_ share: SettlementShare, parts: [Money], currency: Currency) -> SettlementShare {
        let total = parts.reduce(0) { $0 + $1.minorUnits }
        return SettlementShare(subOrder: share.subOrder, supplier: share.supplier, distributor: share.distributor,
                               amount: Money(minorUnits: total, currency: currency),
                               platformCommission: parts[0], distributorMargin: parts[1], rebate: parts[2],
                               supplierPayable: parts[3])
    }

    private static func reversal(of shares: [SettlementShare], remaining: [[Int64]],
                                 amount: Money) throws(MoneyError) -> [SettlementShare] {
        let allocated = try amount.allocated(remaining.flatMap { $0 })
        return shares.enumerated().map { index, share in
            reversedShare(share, parts: Array(allocated[(index * 4)..<(index * 4 + 4)]), currency: amount.currency)
        }
    }
}
