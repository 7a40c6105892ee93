import Contracts

extension PaymentDecider {
    /// Replaces the platform's settlement rules. Only platform finance (roles `finance` and
    /// `platform-operator`) may. Each rule's shares are 0...10,000 basis points and add up to at
    /// most 10,000 (the supplier keeps the rest); no two rules have the same selector, so the
    /// precedence of `SettlementRuleBook` always has a single winner.
    func setSettlementRules(_ command: SetSettlementRules, _ context: Context) throws(PaymentRefusal) -> PaymentDecision {
        guard command.by.isFinance, command.by.isPlatformOperator else {
            throw PaymentRefusal(.forbidden, field: "by.roles",
                          "settlement rules are set by platform finance "
                            + "(roles \(PaymentActor.financeRole) and \(PaymentActor.platformOperatorRole))")
        }
        guard command.rules.count <= limits.maximumSettlementRules else {
            throw PaymentRefusal(.limitExceeded, field: "rules",
                          "\(command.rules.count) rules, more than \(limits.maximumSettlementRules)")
        }
        for (index, rule) in command.rules.enumerated() {
            try validate(rule, field: "rules[\(index)]")
        }
        if let (index, earlier) = SettlementRule.repeatedSelector(in: command.rules) {
            throw PaymentRefusal(.invalidField, field: "rules[\(index)]",
                                 "rules[\(index)] has the same selector (\(command.rules[index].selectorDescription)) as rules[\(earlier)]")
        }
        return PaymentDecision(events: [(0, .settlementRulesSet(SettlementRulesSet(
            commandId: context.commandId, rules: command.rules, setBy: command.by.company, user: command.by.user)))])
    }

    private func validate(_ rule: SettlementRule, field: String) throws(PaymentRefusal) {
        if let problem = rule.problem(limits: limits) {
            throw PaymentRefusal(.invalidField, field: problem.field.map { "\(field).\($0)" } ?? field, problem.message)
        }
    }
}
