import Contracts

extension DecisionContext {
    /// Records payment's answer.
    ///
    /// While the order awaits payment: `authorized` (credit) or `paid` confirms it (and commits the
    /// reservations when the policy commits at confirmation); `awaiting-payment` records the
    /// reference the buyer pays with; `rejected` rejects the order and releases every reservation.
    /// Once confirmed or completed: `captured` and `refunded` are recorded; a repeated confirmation
    /// is a duplicate. A `refunded` naming a return's refund, or a `rejected` while a return's
    /// refund is outstanding, is recorded on that return (see `returnRefundAnswer`). After the order
    /// ended: money that still arrives is refunded, a late authorization is voided, a void is recorded.
    /// `attempt-failed` (a declined card) goes into the history of an order awaiting payment and
    /// changes nothing else; after that it no longer matters.
    func recordPayment(_ result: PaymentResult) throws(Refusal) -> Verdict {
        let record = try record(result.order)
        switch record.status {
        case .pendingApproval, .reservingStock:
            throw .state("payment for order \(record.order) was not requested yet (the order is \(record.status.phrase)); the answer \"\(result.outcome.kind)\" does not apply")
        case .awaitingPayment:
            return try whileAwaiting(result.outcome, record)
        case .confirmed, .completed:
            return try afterConfirmation(result.outcome, record)
        case .rejected, .cancelled, .expired:
            return try afterEnd(result.outcome, record)
        }
    }

    private func whileAwaiting(_ outcome: PaymentResult.Outcome, _ record: OrderRecord) throws(Refusal) -> Verdict {
        switch outcome {
        case .authorized:
            return .accept(confirm(record, payment: .authorized, amount: record.total))
        case let .paid(amount):
            guard amount.currency == record.total.currency, amount.minorUnits >= record.total.minorUnits else {
                throw .invalid("outcome.amount", "order \(record.order) totals \(record.total); a payment of \(amount) does not cover it")
            }
            return .accept(confirm(record, payment: .paid, amount: amount))
        case let .awaitingPayment(method, reference):
            try TextRules.require(reference, field: "outcome.reference", maximum: TextRules.identifierText)
            if record.payment == .awaitingPayment, record.paymentReference == reference { return .alreadyHandled }
            return .accept(Effects(events: [.awaitingPayment(OrderAwaitingPayment(
                commandId: commandId, order: record.order, buyer: buyer, at: now, method: method, reference: reference,
                amount: record.total, dueBy: record.paymentDueBy ?? deadline(after: policy.paymentTimeout)))]))
        case let .rejected(code, reason):
            let released = record.lines(in: .reserved)
            let readable = "payment refused: \(reason) (\(code))"
            return .accept(Effects(
                events: [.rejected(OrderRejected(commandId: commandId, order: record.order, buyer: buyer, at: now,
                                                 code: code, reason: readable, released: released))],
                outbox: releases(released, of: record, reason: "order \(record.order) rejected: \(readable)")))
        case let .attemptFailed(amount, reason):
            try TextRules.require(reason, field: "outcome.reason", maximum: TextRules.reasonText)
            guard amount.currency == record.total.currency else {
                throw .invalid("outcome.amount", "order \(record.order) is priced in \(record.total.currency), not \(amount.currency)")
            }
            return .accept(recorded(outcome, record))
        case .voided, .captured, .refunded:
            throw .state("order \(record.order) is awaiting payment; it asked nothing that \"\(outcome.kind)\" answers")
        }
    }

    private func afterConfirmation(_ outcome: PaymentResult.Outcome, _ record: OrderRecord) throws(Refusal) -> Verdict {
        if case let .refunded(refund, amount) = outcome, refund == record.order.cancelledSubOrdersRefundId {
            if record.cancelledSubOrdersRefunded != nil { return .alreadyHandled }
            guard record.status == .completed, amount == record.cancelledSubOrdersTotal else {
                throw .invalid("outcome.amount", "refund \(refund) of order \(record.order) is for \(record.cancelledSubOrdersTotal), not \(amount)")
            }
            return .accept(recorded(outcome, record, refund: refund))
        }
        if let answer = try returnRefundAnswer(outcome, of: record) { return answer }
        switch outcome {
        case .authorized, .paid, .awaitingPayment, .attemptFailed:
            return .alreadyHandled
        case .rejected:
            throw .state("order \(record.order) is \(record.status.phrase); a payment rejection no longer applies")
        case .captured:
            if record.payment == .captured { return .alreadyHandled }
            guard record.payment == .captureRequested else {
                throw .state("capture of order \(record.order) was not requested (the order is \(record.status.phrase))")
            }
            return .accept(recorded(outcome, record))
        case .refunded:
            if record.payment == .refunded { return .alreadyHandled }
            return .accept(recorded(outcome, record))
        case .voided:
            throw .state("order \(record.order) is \(record.status.phrase); its payment was not voided")
        }
    }

    private func afterEnd(_ outcome: PaymentResult.Outcome, _ record: OrderRecord) throws(Refusal) -> Verdict {
        let ended = "order \(record.order) was \(record.status.rawValue)"
        switch outcome {
        case .authorized, .awaitingPayment:
            if record.payment == .voidRequested || record.payment == .voided { return .alreadyHandled }
            guard record.payment != .notRequested else {
                throw .state("payment for order \(record.order) was never requested; the answer \"\(outcome.kind)\" does not apply")
            }
            var effects = recorded(outcome, record)
            effects.outbox = [.payment(.void(VoidAuthorizationRequest(
                order: record.order, payer: buyer, reason: "\(ended); releasing a late authorization", replyKey: replyKey)))]
            return .accept(effects)
        case .paid:
            // Money that arrived after the order ended is given back by the void it asked for when
            // it ended (payment voids a paid authorization by owing its money back to the buyer);
            // refunds are only for captured orders. Recorded once, for the order's history.
            if record.payment == .refundRequested || record.payment == .refunded || record.paidAmount != nil {
                return .alreadyHandled
            }
            var effects = recorded(outcome, record)
            if record.payment != .voidRequested, record.payment != .voided {
                effects.outbox = [.payment(.void(VoidAuthorizationRequest(
                    order: record.order, payer: buyer, reason: "\(ended) before the payment arrived", replyKey: replyKey)))]
            }
            return .accept(effects)
        case .rejected, .attemptFailed:
            // Nothing was secured, so nothing is left to undo.
            return .alreadyHandled
        case .voided:
            if record.payment == .voided { return .alreadyHandled }
            return .accept(recorded(outcome, record))
        case .refunded:
            if record.payment == .refunded { return .alreadyHandled }
            return .accept(recorded(outcome, record))
        case .captured:
            throw .state("\(ended); its payment cannot have been captured")
        }
    }

    /// Confirms the order; commits every reservation when the policy commits at confirmation.
    private func confirm(_ record: OrderRecord, payment: OrderPaymentStatus, amount: Money) -> Effects {
        let committed = policy.commitStockAt == .confirmation ? record.lines(in: .reserved) : []
        return Effects(
            events: [.confirmed(OrderConfirmed(commandId: commandId, order: record.order, buyer: buyer, at: now,
                                               payment: payment, amount: amount, committed: committed))],
            outbox: commitRequests(committed, of: record))
    }

    private func recorded(_ outcome: PaymentResult.Outcome, _ record: OrderRecord, refund: String? = nil) -> Effects {
        Effects(events: [.paymentRecorded(OrderPaymentRecorded(
            commandId: commandId, order: record.order, buyer: buyer, at: now, outcome: outcome, refund: refund))])
    }

    func releases(_ lineIds: [String], of record: OrderRecord, reason: String) -> [Outbound] {
        lineIds.compactMap { record.lineIndex(of: $0) }.map { releaseRequest(record.lines[$0], of: record.order, reason: reason) }
    }
}
