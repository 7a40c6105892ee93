import Contracts

/// Which approvals an order needs under a buyer's rules (see `ApprovalRule` for the matching rules).
enum ApprovalEvaluation {
    /// The steps, in sequence: the roles of every matching rule, merged in rule order, each role
    /// once, with the names of the rules that asked for it. Empty when no rule matches.
    static func steps(rules: [ApprovalRule], lines: [OrderLine], total: Money) -> [ApprovalStep] {
        var roles: [String] = []
        var reasons: [String: [String]] = [:]
        for rule in rules where matches(rule, lines: lines, total: total) {
            for role in rule.roles {
                if reasons[role] == nil { roles.append(role) }
                if reasons[role]?.contains(rule.name) != true { reasons[role, default: []].append(rule.name) }
            }
        }
        return roles.map { ApprovalStep(role: $0, rules: reasons[$0] ?? []) }
    }

    static func matches(_ rule: ApprovalRule, lines: [OrderLine], total: Money) -> Bool {
        if let minimum = rule.minimumTotal {
            // A threshold in another currency cannot be compared: the rule applies (fail closed).
            if minimum.currency == total.currency, total.minorUnits < minimum.minorUnits { return false }
        }
        if let category = rule.category {
            guard lines.contains(where: { $0.category.starts(with: category) }) else { return false }
        }
        return true
    }
}
