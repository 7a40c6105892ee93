import Contracts
import Foundation

extension PaymentDecider {
    /// Captures a credit-reserved or fully paid order on completion: `payment-captured`, then (credit
    /// only) `invoice-issued` due `termDays` after capture, `settlement-split` at the rates fixed at
    /// authorization, and the balanced `ledger-posted`.
    func capture(_ command: CapturePayment, _ context: Context) throws(PaymentRefusal) -> PaymentDecision {
        let account = context.state.account(of: command.payer)
        guard let authorization = account?.authorizations[command.order] else {
            throw PaymentRefusal(.unknownAuthorization, field: "order", "\(command.payer) has no authorization for order \(command.order)")
        }
        switch authorization.status {
        case .voided:
            throw PaymentRefusal(.authorizationClosed, field: "order", "order \(command.order) was voided and cannot be captured")
        case .captured:
            return answer(.captured, order: command.order, replyKey: command.replyKey, payer: command.payer)
        case .awaitingPayment:
            throw PaymentRefusal(.paymentIncomplete, field: "order",
                          "order \(command.order) is not paid: received \(authorization.received) of \(authorization.amount)")
        case .creditReserved, .paid:
            break
        }
        let dueAt = authorization.method == .credit
            ? context.now.adding(days: account?.creditLine?.termDays ?? 0) : nil
        let captured = PaymentCaptured(
            commandId: context.commandId, payer: command.payer, order: command.order, amount: authorization.amount,
            method: authorization.method, capturedAt: context.now, invoiceDueAt: dueAt,
            replyKey: Self.replyKey(command.replyKey, payer: command.payer))
        var afterCapture = authorization
        afterCapture.status = .captured
        afterCapture.capture = .init(commandId: context.commandId, capturedAt: context.now, invoiceDueAt: dueAt)
        let followUps = try captureFollowUps(context.commandId, payer: command.payer, authorization: afterCapture,
                                             account: account, ledger: context.state.ledger)
        return PaymentDecision(events: [(0, .paymentCaptured(captured))] + followUps)
    }

    /// The events after `payment-captured` (indices 1 invoice, 2 split, 3 posting) that are not
    /// yet recorded for a captured authorization: all of them on first handling, the ones a crash
    /// lost when the capture is handled again. Built only from the capture's recorded facts, so a
    /// rebuilt event equals the lost one.
    ///
    /// On credit, money the payer sent quoting the order before it was invoiced pays the invoice at
    /// issue (`paidFromBalance`, moved from its credit balance in the capture's posting); a rebuilt
    /// posting takes it from the recorded invoice, and state is what it was at the first handling
    /// (no later command is handled before a capture's events are all out), so both agree.
    func captureFollowUps(_ commandId: MessageID, payer: CompanyID, authorization: PaymentAuthorization,
                          account: PayerAccount?, ledger: Ledger) throws(PaymentRefusal) -> [(index: Int, event: PaymentEvent)] {
        guard let capture = authorization.capture else { return [] }
        var events: [(index: Int, event: PaymentEvent)] = []
        var fromBalance = account?.invoices[authorization.order]?.paidFromBalance
        if authorization.method == .credit, account?.invoices[authorization.order] == nil, let dueAt = capture.invoiceDueAt {
            let termDays = Int((dueAt.timeIntervalSince(capture.capturedAt) / 86_400).rounded())
            let early = account.map { Self.paidBeforeInvoice(of: authorization, account: $0, ledger: ledger) }
            fromBalance = early?.isZero == false ? early : nil
            events.append((1, .invoiceIssued(InvoiceIssued(
                commandId: commandId, payer: payer, order: authorization.order, amount: authorization.amount,
                issuedAt: capture.capturedAt, dueAt: dueAt, termDays: termDays, paidFromBalance: fromBalance))))
        }
        let shares: [SettlementShare]
        if let recorded = authorization.shares {
            shares = recorded
        } else {
            do throws(MoneyError) {
                shares = try SettlementCalculator.shares(of: authorization.settlement, rates: authorization.rates)
            } catch {
                throw PaymentRefusal(error)
            }
            events.append((2, .settlementSplit(SettlementSplit(commandId: commandId, payer: payer,
                                                               order: authorization.order, shares: shares))))
        }
        if !ledger.contains(postingId: PaymentPostings.id(of: commandId)) {
            let posting = PaymentPostings.capture(commandId, payer: payer, authorization: authorization, shares: shares,
                                                  fromBalance: fromBalance, at: capture.capturedAt)
            try ledger.checkPostable(posting)
            events.append((3, .ledgerPosted(LedgerPosted(commandId: commandId, payer: payer, posting: posting))))
        }
        return events
    }

    /// What the payer sent quoting `authorization`'s order before it was invoiced: payments recorded
    /// unmatched under that reference (a credit order has nothing to match until its invoice), at
    /// most the order's amount and what its credit balance still holds in that currency.
    static func paidBeforeInvoice(of authorization: PaymentAuthorization, account: PayerAccount, ledger: Ledger) -> Money {
        let currency = authorization.amount.currency
        let reference = authorization.order.rawValue
        let sent = account.receivedPayments.lazy
            .filter { $0.match == .unmatched && $0.amount.currency == currency
                && $0.reference.trimmingCharacters(in: .whitespacesAndNewlines) == reference }
            .reduce(Int64(0)) { min($0 &+ $1.amount.minorUnits, authorization.amount.minorUnits) }
        // The credit balance is what the buyer-credit account owes the payer: minus its balance.
        let held = 0 &- ledger.balance(.buyerCredit(account.payer), in: currency).minorUnits
        return Money(minorUnits: max(0, min(sent, held)), currency: currency)
    }
}
