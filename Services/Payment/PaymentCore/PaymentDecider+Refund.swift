import Contracts

extension PaymentDecider {
    /// Refunds part or all of a captured order. Each party gives back its share of the lines
    /// refunded (`SettlementCalculator.reversal`); the buyer's open invoice is reduced first, the rest is owed
    /// back to the buyer. A refund id already used for the same amount is answered again.
    func refund(_ command: RefundPayment, _ context: Context) throws(PaymentRefusal) -> PaymentDecision {
        try requireText(command.refund, field: "refund", maximum: limits.maximumExternalIdLength)
        try requirePositive(command.amount, field: "amount")
        let account = context.state.account(of: command.payer)
        guard let account, let authorization = account.authorizations[command.order] else {
            throw PaymentRefusal(.unknownAuthorization, field: "order", "\(command.payer) has no authorization for order \(command.order)")
        }
        if let earlier = authorization.refunds[command.refund] {
            guard earlier.amount == command.amount else {
                throw PaymentRefusal(.refundConflict, field: "refund",
                              "refund \(command.refund) of order \(command.order) was already issued for \(earlier.amount)")
            }
            return answer(.refunded(refund: command.refund, amount: command.amount), order: command.order,
                          replyKey: command.replyKey, payer: command.payer)
        }
        guard authorization.status == .captured, let shares = authorization.shares else {
            throw PaymentRefusal(.notCaptured, field: "order",
                          "order \(command.order) is not captured (\(authorization.status.rawValue)); void it instead")
        }
        guard command.amount.currency == authorization.amount.currency else {
            throw PaymentRefusal(.paymentCurrencyMismatch, field: "amount",
                          "the refund is in \(command.amount.currency), the order in \(authorization.amount.currency)")
        }
        let refunded = authorization.totalRefunded
        let refundable = authorization.amount.minorUnits - refunded.minorUnits
        guard command.amount.minorUnits <= refundable else {
            let left = Money(minorUnits: refundable, currency: command.amount.currency)
            throw PaymentRefusal(.refundExceedsCaptured, field: "amount",
                          "refund of \(command.amount) exceeds the \(left) still refundable on order \(command.order) "
                            + "(captured \(authorization.amount), refunded \(refunded))")
        }
        let reversed: [SettlementShare]
        do throws(MoneyError) {
            reversed = try SettlementCalculator.reversal(of: shares, settlement: authorization.settlement,
                                                         after: authorization.refunds.values.map(\.reversed),
                                                         amount: command.amount, returned: command.lines)
        } catch {
            throw PaymentRefusal(error, field: "amount")
        }
        let open = authorization.method == .credit ? account.invoices[command.order]?.outstanding.minorUnits ?? 0 : 0
        let toInvoice = min(command.amount.minorUnits, open)
        let record = PaymentAuthorization.Refund(
            commandId: context.commandId, amount: command.amount, refundedAt: context.now, reversed: reversed,
            creditedToInvoice: Money(minorUnits: toInvoice, currency: command.amount.currency),
            creditedToBalance: Money(minorUnits: command.amount.minorUnits - toInvoice, currency: command.amount.currency))
        let issued = RefundIssued(
            commandId: context.commandId, payer: command.payer, order: command.order, refund: command.refund,
            amount: command.amount, reason: lenientText(command.reason, fallback: "no reason given"),
            refundedAt: context.now, reversed: reversed, creditedToInvoice: record.creditedToInvoice,
            creditedToBalance: record.creditedToBalance,
            totalRefunded: Money(minorUnits: refunded.minorUnits + command.amount.minorUnits, currency: refunded.currency),
            replyKey: Self.replyKey(command.replyKey, payer: command.payer))
        let followUps = try refundFollowUps(context.commandId, payer: command.payer, order: command.order,
                                            refundId: command.refund, refund: record, ledger: context.state.ledger)
        return PaymentDecision(events: [(0, .refundIssued(issued))] + followUps)
    }

    /// The posting of a refund (index 1), unless already recorded.
    func refundFollowUps(_ commandId: MessageID, payer: CompanyID, order: OrderID, refundId: String,
                         refund: PaymentAuthorization.Refund, ledger: Ledger) throws(PaymentRefusal) -> [(index: Int, event: PaymentEvent)] {
        guard !ledger.contains(postingId: PaymentPostings.id(of: commandId)) else { return [] }
        let posting = PaymentPostings.refund(commandId, payer: payer, order: order, refundId: refundId, refund: refund)
        try ledger.checkPostable(posting)
        return [(1, .ledgerPosted(LedgerPosted(commandId: commandId, payer: payer, posting: posting)))]
    }
}
