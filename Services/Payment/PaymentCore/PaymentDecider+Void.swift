import Contracts

extension PaymentDecider {
    /// Voids an authorization before capture. Credit: releases what is still reserved. Prepayment / bank
    /// transfer: stops waiting; money already received is owed back to the buyer (a posting moves it
    /// from the order's deposit to the buyer's credit balance). A captured order is refunded instead.
    func void(_ command: VoidAuthorization, _ context: Context) throws(PaymentRefusal) -> PaymentDecision {
        let account = context.state.account(of: command.payer)
        guard let account, let authorization = account.authorizations[command.order] else {
            throw PaymentRefusal(.unknownAuthorization, field: "order", "\(command.payer) has no authorization for order \(command.order)")
        }
        let reason = lenientText(command.reason, fallback: "no reason given")
        let replyKey = Self.replyKey(command.replyKey, payer: command.payer)
        switch authorization.status {
        case .voided:
            return answer(.voided, order: command.order, replyKey: command.replyKey, payer: command.payer)
        case .captured:
            throw PaymentRefusal(.authorizationClosed, field: "order", "order \(command.order) was captured; refund it instead")
        case .creditReserved:
            let available: Money
            do throws(MoneyError) {
                available = try account.availableCredit(in: authorization.amount.currency, releasing: authorization.creditHeld)
            } catch {
                throw PaymentRefusal(error)
            }
            return PaymentDecision(events: [(0, .creditReleased(CreditReleased(
                commandId: context.commandId, payer: command.payer, order: command.order, amount: authorization.creditHeld,
                reason: reason, available: available, replyKey: replyKey)))])
        case .awaitingPayment, .paid:
            let voided = AuthorizationVoided(
                commandId: context.commandId, payer: command.payer, order: command.order, method: authorization.method,
                amount: authorization.amount, received: authorization.received, reason: reason, voidedAt: context.now,
                replyKey: replyKey)
            let voiding = PaymentAuthorization.Voiding(commandId: context.commandId, voidedAt: context.now,
                                                       received: authorization.received)
            let followUps = try voidFollowUps(context.commandId, payer: command.payer, order: command.order,
                                              voiding: voiding, ledger: context.state.ledger)
            return PaymentDecision(events: [(0, .authorizationVoided(voided))] + followUps)
        }
    }

    /// The posting of a void (index 1), when money had been received and it is not yet recorded.
    func voidFollowUps(_ commandId: MessageID, payer: CompanyID, order: OrderID, voiding: PaymentAuthorization.Voiding,
                       ledger: Ledger) throws(PaymentRefusal) -> [(index: Int, event: PaymentEvent)] {
        guard !voiding.received.isZero, !ledger.contains(postingId: PaymentPostings.id(of: commandId)) else { return [] }
        let posting = PaymentPostings.void(commandId, payer: payer, order: order, voiding: voiding)
        try ledger.checkPostable(posting)
        return [(1, .ledgerPosted(LedgerPosted(commandId: commandId, payer: payer, posting: posting)))]
    }
}
