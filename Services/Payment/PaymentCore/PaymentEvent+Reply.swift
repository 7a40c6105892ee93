import Contracts

extension PaymentEvent {
    /// The answer to the order service this event stands for, if any. Decisions derive their
    /// replies from their events with it, and `apply` remembers them with it, so a repeated command
    /// gets exactly the replies the first handling sent.
    public var reply: PaymentReply? {
        switch self {
        case let .creditReserved(event):
            reply(event.replyKey, event.order, .authorized(method: .credit))
        case let .paymentRequested(event):
            reply(event.replyKey, event.order, .awaitingPayment(method: event.method, reference: event.reference))
        case let .authorizationRejected(event):
            reply(event.replyKey, event.order, .rejected(code: event.code, reason: event.reason))
        case let .creditReleased(event):
            reply(event.replyKey, event.order, .voided)
        case let .authorizationVoided(event):
            reply(event.replyKey, event.order, .voided)
        case let .paymentCaptured(event):
            reply(event.replyKey, event.order, .captured)
        case let .refundIssued(event):
            reply(event.replyKey, event.order, .refunded(refund: event.refund, amount: event.amount))
        case let .bankTransferMatched(event):
            paidReply(event.replyKey, event.order, event.paidInFull)
        case let .providerPaymentRecorded(event) where event.status == .failed:
            event.replyKey.map { reply($0, event.order, .attemptFailed(amount: event.amount, reason: event.failureReason ?? "")) }
        case let .providerPaymentRecorded(event):
            paidReply(event.replyKey, event.order, event.paidInFull)
        case let .commandRejected(event):
            event.replyKey.flatMap { key in
                event.order.map { reply(key, $0, .rejected(code: event.code, reason: event.reason)) }
            }
        case .creditPartlyReleased, .creditLineSet, .invoiceIssued, .invoiceDueSoon, .invoiceOverdue, .settlementSplit,
             .ledgerPosted, .settlementRulesSet:
            nil
        }
    }

    private func reply(_ key: String, _ order: OrderID, _ outcome: PaymentResult.Outcome) -> PaymentReply {
        PaymentReply(key: key, result: PaymentResult(order: order, outcome: outcome))
    }

    private func paidReply(_ key: String?, _ order: OrderID?, _ amount: Money?) -> PaymentReply? {
        guard let key, let order, let amount else { return nil }
        return reply(key, order, .paid(amount: amount))
    }
}
