import Contracts

extension PaymentDecider {
    /// Credit: reserves the amount if the payer has a credit line in the order's currency, no
    /// overdue invoice, and enough available credit (limit - reserved - outstanding >= amount;
    /// exactly the available amount is accepted). Prepayment / bank transfer: asks the buyer to pay
    /// with the order id as reference. Either way the split rates are fixed now from the rules.
    func authorize(_ command: AuthorizePayment, _ context: Context) throws(PaymentRefusal) -> PaymentDecision {
        try validate(command)
        let account = context.state.account(of: command.payer)
        if let existing = account?.authorizations[command.order] {
            guard let outcome = existing.currentOutcome else {
                throw PaymentRefusal(.authorizationClosed, field: "order",
                              "order \(command.order) was voided; a voided order cannot be authorized again")
            }
            guard existing.amount == command.amount, existing.method == command.method else {
                throw PaymentRefusal(.authorizationConflict, field: "order",
                              "order \(command.order) is already authorized for \(existing.amount) by \(existing.method.rawValue)")
            }
            return answer(outcome, order: command.order, replyKey: command.replyKey, payer: command.payer)
        }
        let book = SettlementRuleBook(rules: context.settlementRules)
        let rates = command.settlement.map(book.rate(for:))
        let replyKey = Self.replyKey(command.replyKey, payer: command.payer)
        switch command.method {
        case .credit:
            let available = try availableCredit(for: command, account: account, context)
            return PaymentDecision(events: [(0, .creditReserved(CreditReserved(
                commandId: context.commandId, payer: command.payer, order: command.order, amount: command.amount,
                settlement: command.settlement, rates: rates,
                available: Money(minorUnits: available.minorUnits - command.amount.minorUnits, currency: available.currency),
                replyKey: replyKey)))])
        case .prepayment, .bankTransfer:
            return PaymentDecision(events: [(0, .paymentRequested(PaymentRequested(
                commandId: context.commandId, payer: command.payer, order: command.order, amount: command.amount,
                method: command.method, reference: command.order.rawValue, settlement: command.settlement, rates: rates,
                replyKey: replyKey)))])
        }
    }

    /// The credit available before this authorization; refuses when there is none to take it from.
    private func availableCredit(for command: AuthorizePayment, account: PayerAccount?,
                                 _ context: Context) throws(PaymentRefusal) -> Money {
        guard let account, let line = account.creditLine else {
            throw PaymentRefusal(.noCreditLine, field: "method",
                          "\(command.payer) has no credit line; pay by prepayment or bank transfer, "
                            + "or ask the supplier or the platform for credit")
        }
        guard line.limit.currency == command.amount.currency else {
            throw PaymentRefusal(.paymentCurrencyMismatch, field: "amount",
                          "the credit line is in \(line.limit.currency), the order in \(command.amount.currency)")
        }
        let available: Money
        do throws(MoneyError) {
            available = try account.availableCredit(in: line.limit.currency)
        } catch {
            throw PaymentRefusal(error, field: "amount")
        }
        if let overdue = account.overdueInvoices(at: context.now).first {
            throw PaymentRefusal(.creditFrozen,
                          "credit is frozen: invoice \(overdue.order) (\(overdue.outstanding) unpaid) was due "
                            + "\(overdue.dueAt.readable); new credit orders are possible once it is paid",
                          available: available)
        }
        guard command.amount.minorUnits <= available.minorUnits else {
            throw PaymentRefusal(.creditLimitExceeded, field: "amount",
                          "the order needs \(command.amount) of credit but only \(available) is available (limit \(line.limit))",
                          available: available)
        }
        return available
    }

    private func validate(_ command: AuthorizePayment) throws(PaymentRefusal) {
        try requirePositive(command.amount, field: "amount")
        guard !command.settlement.isEmpty else {
            throw PaymentRefusal(.invalidField, field: "settlement", "settlement needs at least one line")
        }
        guard command.settlement.count <= limits.maximumSettlementLines else {
            throw PaymentRefusal(.limitExceeded, field: "settlement",
                          "settlement has \(command.settlement.count) lines, more than \(limits.maximumSettlementLines)")
        }
        // A sub-order spanning categories or distributors' shops has one line per (distributor,
        // category); the same group twice would settle it twice.
        var groups: Set<[String]> = []
        var total: Int64 = 0
        for (index, line) in command.settlement.enumerated() {
            let field = "settlement[\(index)]"
            try requireText(line.subOrder, field: "\(field).subOrder", maximum: limits.maximumExternalIdLength)
            guard groups.insert([line.subOrder, line.distributor?.rawValue ?? "", line.category.joined(separator: "\u{1F}")]).inserted else {
                throw PaymentRefusal(.invalidField, field: "\(field).subOrder",
                                     "sub-order \(line.subOrder) appears twice for the same distributor and category")
            }
            try requirePositive(line.amount, field: "\(field).amount")
            guard line.amount.currency == command.amount.currency else {
                throw PaymentRefusal(.paymentCurrencyMismatch, field: "\(field).amount",
                              "\(field).amount is in \(line.amount.currency), the order in \(command.amount.currency)")
            }
            guard line.category.count <= limits.maximumCategoryDepth else {
                throw PaymentRefusal(.limitExceeded, field: "\(field).category",
                              "category has \(line.category.count) levels, more than \(limits.maximumCategoryDepth)")
            }
            let (sum, overflow) = total.addingReportingOverflow(line.amount.minorUnits)
            if overflow { throw PaymentRefusal(.paymentAmountOverflow, field: "settlement", "the settlement lines add up to more than 64 bits") }
            total = sum
        }
        guard total == command.amount.minorUnits else {
            let sum = Money(minorUnits: total, currency: command.amount.currency)
            throw PaymentRefusal(.invalidField, field: "settlement",
                          "the settlement lines add up to \(sum), not the amount \(command.amount)")
        }
    }
}
