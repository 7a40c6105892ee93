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
                                             hasInvoice: false, ledger: context.state.ledger)
        return PaymentDecision(events: [(0, .paymentCaptured(captured))] + followUps)
    }

    /// The events after `payment-captured` (indices 1 invoice, 2 split, 3 posting) that are not
    /// yet recorded for a captured authorization: all of them on first handling, the ones a crash
    /// lost when the capture is handled again. Built only from the capture's recorded facts, so a
    /// rebuilt event equals the lost one.
    func captureFollowUps(_ commandId: MessageID, payer: CompanyID, authorization: PaymentAuthorization,
                          hasInvoice: Bool, ledger: Ledger) throws(PaymentRefusal) -> [(index: Int, event: PaymentEvent)] {
        guard let capture = authorization.capture else { return [] }
        var events: [(index: Int, event: PaymentEvent)] = []
        if authorization.method == .credit, !hasInvoice, let dueAt = capture.invoiceDueAt {
            let termDays = Int((dueAt.timeIntervalSince(capture.capturedAt) / 86_400).rounded())
            events.append((1, .invoiceIssued(InvoiceIssued(
                commandId: commandId, payer: payer, order: authorization.order, amount: authorization.amount,
                issuedAt: capture.capturedAt, dueAt: dueAt, termDays: termDays))))
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
                                                  at: capture.capturedAt)
            try ledger.checkPostable(posting)
            events.append((3, .ledgerPosted(LedgerPosted(commandId: commandId, payer: payer, posting: posting))))
        }
        return events
    }
}
