import Contracts
import Foundation

extension PaymentDecider {
    /// Reconciles a bank transfer by reference (an order id) and amount; a bank transaction id seen
    /// before is a duplicate and changes nothing.
    func recordBankTransfer(_ command: RecordBankTransfer, _ context: Context) throws(PaymentRefusal) -> PaymentDecision {
        try requireText(command.bankTransactionId, field: "bankTransactionId", maximum: limits.maximumExternalIdLength)
        if command.reference.count > limits.maximumTextLength {
            throw PaymentRefusal(.invalidField, field: "reference",
                          "reference must be at most \(limits.maximumTextLength) characters, got \(command.reference.count)")
        }
        try requireIncoming(command.amount, field: "amount")
        let account = context.state.account(of: command.payer)
        let zero = Money.zero(command.amount.currency)
        if let original = account?.receivedPayment(.bankTransfer, command.bankTransactionId) {
            return PaymentDecision(events: [(0, .bankTransferMatched(BankTransferMatched(
                commandId: context.commandId, payer: command.payer, bankTransactionId: command.bankTransactionId,
                reference: command.reference, amount: command.amount, match: .duplicate, order: original.order,
                appliedTo: nil, applied: zero, excess: zero, remainingDue: nil, recordedAt: context.now,
                paidInFull: nil, replyKey: nil)))])
        }
        let reference = command.reference.trimmingCharacters(in: .whitespacesAndNewlines)
        let match = IncomingMatch.of(command.amount, reference: OrderID(validating: reference), in: account)
        let matched = BankTransferMatched(
            commandId: context.commandId, payer: command.payer, bankTransactionId: command.bankTransactionId,
            reference: command.reference, amount: command.amount, match: match.match, order: match.order,
            appliedTo: match.appliedTo, applied: match.applied, excess: match.excess, remainingDue: match.remainingDue,
            recordedAt: context.now, paidInFull: match.paidInFull, replyKey: match.replyKey)
        let payment = ReceivedPayment(
            commandId: context.commandId, source: .bankTransfer, externalId: command.bankTransactionId,
            reference: command.reference, amount: command.amount, match: match.match, order: match.order,
            appliedTo: match.appliedTo, applied: match.applied, excess: match.excess, recordedAt: context.now)
        let followUps = try receiptFollowUps(payer: command.payer, payment: payment, ledger: context.state.ledger)
        return PaymentDecision(events: [(0, .bankTransferMatched(matched))] + followUps)
    }

    /// A payment provider's webhook. A success is matched to the order (or its invoice) like a bank
    /// transfer; the same provider payment id again is a duplicate. A failure changes nothing:
    /// the order keeps waiting and the buyer may pay again; an order still awaiting its payment is
    /// told (`attempt-failed`), for its history.
    func providerCallback(_ command: ProviderCallback, _ context: Context) throws(PaymentRefusal) -> PaymentDecision {
        try requireText(command.providerPaymentId, field: "providerPaymentId", maximum: limits.maximumExternalIdLength)
        try requireIncoming(command.amount, field: "amount")
        let account = context.state.account(of: command.payer)
        let zero = Money.zero(command.amount.currency)
        func recorded(_ status: ProviderPaymentStatus, failure: String?, _ match: IncomingMatch?,
                      duplicate: Bool = false, replyKey: String? = nil) -> ProviderPaymentRecorded {
            ProviderPaymentRecorded(
                commandId: context.commandId, payer: command.payer, order: command.order,
                providerPaymentId: command.providerPaymentId, amount: command.amount, status: status,
                failureReason: failure, match: duplicate ? .duplicate : match?.match, appliedTo: match?.appliedTo,
                applied: match?.applied ?? zero, excess: match?.excess ?? zero, remainingDue: match?.remainingDue,
                recordedAt: context.now, paidInFull: match?.paidInFull, replyKey: match?.replyKey ?? replyKey)
        }
        switch command.status {
        case .failed:
            let reason = lenientText(command.failureReason ?? "", fallback: "the provider gave no reason")
            let waiting = account?.authorizations[command.order].flatMap { $0.status == .awaitingPayment ? $0.replyKey : nil }
            return PaymentDecision(events: [(0, .providerPaymentRecorded(recorded(.failed, failure: reason, nil, replyKey: waiting)))])
        case .succeeded:
            if account?.receivedPayment(.provider, command.providerPaymentId) != nil {
                return PaymentDecision(events: [(0, .providerPaymentRecorded(
                    recorded(.succeeded, failure: nil, nil, duplicate: true)))])
            }
            let match = IncomingMatch.of(command.amount, reference: command.order, in: account)
            let payment = ReceivedPayment(
                commandId: context.commandId, source: .provider, externalId: command.providerPaymentId,
                reference: command.order.rawValue, amount: command.amount, match: match.match, order: match.order,
                appliedTo: match.appliedTo, applied: match.applied, excess: match.excess, recordedAt: context.now)
            let followUps = try receiptFollowUps(payer: command.payer, payment: payment, ledger: context.state.ledger)
            return PaymentDecision(events: [(0, .providerPaymentRecorded(recorded(.succeeded, failure: nil, match)))]
                                   + followUps)
        }
    }

    /// The posting of a received payment (index 1), unless already recorded.
    func receiptFollowUps(payer: CompanyID, payment: ReceivedPayment,
                          ledger: Ledger) throws(PaymentRefusal) -> [(index: Int, event: PaymentEvent)] {
        guard !ledger.contains(postingId: PaymentPostings.id(of: payment.commandId)) else { return [] }
        let posting = PaymentPostings.receipt(payer: payer, payment: payment)
        try ledger.checkPostable(posting)
        return [(1, .ledgerPosted(LedgerPosted(commandId: payment.commandId, payer: payer, posting: posting)))]
    }
}
