import Contracts

/// Folding events into state: the only way state changes; `PaymentDecider` only reads it.
///
/// Applying an event twice leaves the state as applying it once (DESIGN principle 3): records are
/// created only when absent (an authorization, an invoice, a received payment, a refund, a posting
/// id), and changes are set to the values the event carries rather than added.
extension PaymentState {
    public mutating func apply(_ event: PaymentEvent) {
        guard let payer = event.payer else {
            if case let .settlementRulesSet(set) = event { settlementRules = set.rules }
            settlementRuleCommands.remember(event.commandId, reply: event.reply)
            return
        }
        var account = payers.removeValue(forKey: payer)
            ?? PayerAccount(payer: payer, rememberedCommands: rememberedCommandsPerPayer)
        account.apply(event)
        if case let .ledgerPosted(posted) = event { ledger.post(posted.posting) }
        account.recentCommands.remember(event.commandId, reply: event.reply)
        payers[payer] = account
    }

    /// The state after `events`, in order.
    public func applying(_ events: [PaymentEvent]) -> PaymentState {
        var next = self
        for event in events { next.apply(event) }
        return next
    }
}

extension PayerAccount {
    mutating func apply(_ event: PaymentEvent) {
        switch event {
        case let .creditLineSet(set):
            creditLine = CreditLine(limit: set.limit, termDays: set.termDays, grantedBy: set.grantedBy)
        case let .creditReserved(reserved):
            guard authorizations[reserved.order] == nil else { return }
            authorizations[reserved.order] = PaymentAuthorization(
                order: reserved.order, method: .credit, amount: reserved.amount, settlement: reserved.settlement,
                rates: reserved.rates, replyKey: reserved.replyKey, status: .creditReserved)
        case let .paymentRequested(requested):
            guard authorizations[requested.order] == nil else { return }
            authorizations[requested.order] = PaymentAuthorization(
                order: requested.order, method: requested.method, amount: requested.amount,
                settlement: requested.settlement, rates: requested.rates, replyKey: requested.replyKey,
                status: .awaitingPayment)
        case let .creditReleased(released):
            authorizations[released.order]?.status = .voided
        case let .creditPartlyReleased(released):
            _ = authorizations.modify(released.order) { authorization in
                let before = authorization.partRelease
                // Applied once: the event names only sub-orders not released before it.
                guard let first = released.subOrders.first, before?.subOrders.contains(first) != true else { return false }
                authorization.partRelease = .init(
                    subOrders: (before?.subOrders ?? []) + released.subOrders,
                    amount: Money(minorUnits: (before?.amount.minorUnits ?? 0) + released.amount.minorUnits,
                                  currency: released.amount.currency))
                return true
            }
        // One change per event: each write of a packed authorization unpacks and packs it again.
        case let .authorizationVoided(voided):
            _ = authorizations.modify(voided.order) { authorization in
                authorization.status = .voided
                authorization.voiding = .init(commandId: voided.commandId, voidedAt: voided.voidedAt, received: voided.received)
                return true
            }
        case let .paymentCaptured(captured):
            _ = authorizations.modify(captured.order) { authorization in
                authorization.status = .captured
                authorization.capture = .init(commandId: captured.commandId, capturedAt: captured.capturedAt,
                                              invoiceDueAt: captured.invoiceDueAt)
                return true
            }
        case let .invoiceIssued(issued):
            guard invoices[issued.order] == nil else { return }
            invoices[issued.order] = Invoice(order: issued.order, amount: issued.amount, issuedAt: issued.issuedAt,
                                             dueAt: issued.dueAt, termDays: issued.termDays,
                                             paidFromBalance: issued.paidFromBalance)
        case let .invoiceDueSoon(dueSoon):
            let reminded = invoices[dueSoon.order]?.remindedWithinDays ?? .max
            invoices[dueSoon.order]?.remindedWithinDays = min(reminded, dueSoon.withinDays)
        case let .invoiceOverdue(overdue):
            invoices[overdue.order]?.markedOverdue = true
        case let .settlementSplit(split):
            authorizations[split.order]?.shares = split.shares
        case let .refundIssued(refund):
            applyRefund(refund)
        case let .bankTransferMatched(matched):
            guard matched.match != .duplicate else { return }
            record(ReceivedPayment(
                commandId: matched.commandId, source: .bankTransfer, externalId: matched.bankTransactionId,
                reference: matched.reference, amount: matched.amount, match: matched.match, order: matched.order,
                appliedTo: matched.appliedTo, applied: matched.applied, excess: matched.excess,
                recordedAt: matched.recordedAt), remainingDue: matched.remainingDue)
        case let .providerPaymentRecorded(recorded):
            guard recorded.status == .succeeded, let match = recorded.match, match != .duplicate else { return }
            record(ReceivedPayment(
                commandId: recorded.commandId, source: .provider, externalId: recorded.providerPaymentId,
                reference: recorded.order.rawValue, amount: recorded.amount, match: match, order: recorded.order,
                appliedTo: recorded.appliedTo, applied: recorded.applied, excess: recorded.excess,
                recordedAt: recorded.recordedAt), remainingDue: recorded.remainingDue)
        case .authorizationRejected, .ledgerPosted, .settlementRulesSet, .commandRejected:
            break
        }
    }

    private mutating func applyRefund(_ refund: RefundIssued) {
        guard var authorization = authorizations[refund.order], authorization.refunds[refund.refund] == nil else { return }
        authorization.refunds[refund.refund] = .init(
            commandId: refund.commandId, amount: refund.amount, refundedAt: refund.refundedAt, reversed: refund.reversed,
            creditedToInvoice: refund.creditedToInvoice, creditedToBalance: refund.creditedToBalance)
        authorizations[refund.order] = authorization
        if !refund.creditedToInvoice.isZero, var invoice = invoices[refund.order] {
            invoice.credited = Money(minorUnits: invoice.credited.minorUnits &+ refund.creditedToInvoice.minorUnits,
                                     currency: invoice.credited.currency)
            invoices[refund.order] = invoice
        }
    }

    /// Records a received payment once, and sets what it paid on its target to what the event says
    /// remains due.
    private mutating func record(_ payment: ReceivedPayment, remainingDue: Money?) {
        guard receivedPaymentIndex[payment.key] == nil else { return }
        receivedPaymentIndex[payment.key] = receivedPayments.count
        receivedPayments.append(payment)
        guard let order = payment.order, let remainingDue else { return }
        switch payment.appliedTo {
        case .authorization?:
            guard var authorization = authorizations[order] else { return }
            authorization.received = Money(minorUnits: authorization.amount.minorUnits - remainingDue.minorUnits,
                                           currency: authorization.amount.currency)
            authorization.status = remainingDue.isZero ? .paid : .awaitingPayment
            authorizations[order] = authorization
        case .invoice?:
            guard var invoice = invoices[order] else { return }
            invoice.paid = Money(minorUnits: invoice.amount.minorUnits - invoice.credited.minorUnits - remainingDue.minorUnits,
                                 currency: invoice.amount.currency)
            invoices[order] = invoice
        case nil:
            break
        }
    }
}
