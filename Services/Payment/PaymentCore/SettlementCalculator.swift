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
    static func reversal(of shares: [SettlementShare], after earlier: [[SettlementShare]],
                         amount: Money) throws(MoneyError) -> [SettlementShare] {
        // Every refund reverses the shares in their order, so position i of each is share i's part.
        var taken = [[Int64]](repeating: [0, 0, 0, 0], count: shares.count)
        for refund in earlier {
            for (index, share) in refund.enumerated() where index < taken.count {
                taken[index] = zip(taken[index], share.parts.map(\.minorUnits)).map { $0 + $1 }
            }
        }
        var remaining: [Int64] = []
        for (index, share) in shares.enumerated() {
            remaining += zip(share.parts.map(\.minorUnits), taken[index]).map { $0 - $1 }
        }
        let allocated = try amount.allocated(remaining)
        return shares.enumerated().map { index, share in
            let parts = Array(allocated[(index * 4)..<(index * 4 + 4)])
            let total = parts.reduce(0) { $0 + $1.minorUnits }
            return SettlementShare(subOrder: share.subOrder, supplier: share.supplier, distributor: share.distributor,
                                   amount: Money(minorUnits: total, currency: amount.currency),
                                   platformCommission: parts[0], distributorMargin: parts[1], rebate: parts[2],
                                   supplierPayable: parts[3])
        }
    }
}
