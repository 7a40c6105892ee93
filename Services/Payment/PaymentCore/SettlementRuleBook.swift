import Contracts

/// Finds the settlement rule for a line. Precedence, most specific first:
///
/// 1. the rule with more selector fields set (supplier, distributor, category) wins;
/// 2. among as many fields, one naming a supplier beats one that does not, then one naming a
///    distributor (an agreement with a party beats the platform's category schedule);
/// 3. then the deeper category prefix wins ("Tea/Green tea" over "Tea").
///
/// Two rules matching one line always differ on one of these, because a rule set may not hold two
/// rules with the same selector (`set-settlement-rules` refuses it). When no rule matches, the
/// supplier keeps the whole amount (no commission, margin or rebate).
public struct SettlementRuleBook: Sendable {
    public let rules: [SettlementRule]

    public init(rules: [SettlementRule]) {
        self.rules = rules
    }

    /// The winning rule for `line`, or nil when none matches.
    public func rule(for line: SettlementLine) -> SettlementRule? {
        rules.filter { Self.matches($0, line) }.max { Self.isLessSpecific($0, than: $1) }
    }

    /// The rates fixed for `line`: the winning rule's, with the distributor margin dropped for a
    /// line sold without a distributor.
    public func rate(for line: SettlementLine) -> SettlementRate {
        guard let rule = rule(for: line) else {
            return SettlementRate(subOrder: line.subOrder, platformCommissionBasisPoints: 0, distributorMarginBasisPoints: 0,
                                  rebateBasisPoints: 0, rule: "no settlement rule matched; the supplier keeps the whole amount")
        }
        return SettlementRate(subOrder: line.subOrder, platformCommissionBasisPoints: rule.platformCommissionBasisPoints,
                              distributorMarginBasisPoints: line.distributor == nil ? 0 : rule.distributorMarginBasisPoints,
                              rebateBasisPoints: rule.rebateBasisPoints, rule: rule.selectorDescription)
    }

    static func matches(_ rule: SettlementRule, _ line: SettlementLine) -> Bool {
        if let supplier = rule.supplier, supplier != line.supplier { return false }
        if let distributor = rule.distributor, distributor != line.distributor { return false }
        if let category = rule.category, !line.category.starts(with: category) { return false }
        return true
    }

    /// (fields set, names a supplier, names a distributor, category depth): larger is more specific.
    static func specificity(_ rule: SettlementRule) -> (Int, Int, Int, Int) {
        let supplier = rule.supplier == nil ? 0 : 1
        let distributor = rule.distributor == nil ? 0 : 1
        let category = rule.category == nil ? 0 : 1
        return (supplier + distributor + category, supplier, distributor, rule.category?.count ?? 0)
    }

    static func isLessSpecific(_ lhs: SettlementRule, than rhs: SettlementRule) -> Bool {
        specificity(lhs) < specificity(rhs)
    }
}
