import Contracts

/// How one incoming payment is applied (对账): to the order awaiting payment under its reference,
/// else to that order's open invoice, else to nothing (unmatched: all of it becomes the payer's
/// credit balance). Against what is due it is exact, partial or over.
struct IncomingMatch: Equatable {
    let match: PaymentMatch
    let order: OrderID?
    let appliedTo: PaymentTarget?
    let applied: Money
    let excess: Money
    let remainingDue: Money?
    /// When the payment completes an order awaiting payment: the order amount and where to answer.
    let paidInFull: Money?
    let replyKey: String?

    static func of(_ amount: Money, reference order: OrderID?, in account: PayerAccount?) -> IncomingMatch {
        if let order, let authorization = account?.authorizations[order], authorization.method != .credit,
           authorization.status == .awaitingPayment, authorization.amount.currency == amount.currency {
            return applying(amount, due: authorization.remainingDue, to: order, .authorization, completing: authorization)
        }
        if let order, let invoice = account?.invoices[order], !invoice.isSettled,
           invoice.amount.currency == amount.currency {
            return applying(amount, due: invoice.outstanding, to: order, .invoice, completing: nil)
        }
        return IncomingMatch(match: .unmatched, order: nil, appliedTo: nil, applied: .zero(amount.currency), excess: amount,
                             remainingDue: nil, paidInFull: nil, replyKey: nil)
    }

    private static func applying(_ amount: Money, due: Money, to order: OrderID, _ target: PaymentTarget,
                                 completing authorization: PaymentAuthorization?) -> IncomingMatch {
        let currency = amount.currency
        guard amount.minorUnits >= due.minorUnits else {
            return IncomingMatch(match: .partial, order: order, appliedTo: target, applied: amount, excess: .zero(currency),
                                 remainingDue: Money(minorUnits: due.minorUnits - amount.minorUnits, currency: currency),
                                 paidInFull: nil, replyKey: nil)
        }
        return IncomingMatch(match: amount == due ? .exact : .over, order: order, appliedTo: target, applied: due,
                             excess: Money(minorUnits: amount.minorUnits - due.minorUnits, currency: currency),
                             remainingDue: .zero(currency), paidInFull: authorization?.amount,
                             replyKey: authorization?.replyKey)
    }
}
