import Contracts
import Foundation

/// Answers to payment queries, from one partition's state. Pure and read-only: a query is never
/// recorded, so asking again is free.
public enum PaymentQueries {
    /// The reply to `command` and where it goes; nil when `command` is not a query.
    public static func answer(_ command: PaymentCommand, state: PaymentState, now: Date)
        -> (replyTo: ReplyAddress, reply: PaymentQueryReply)? {
        switch command {
        case let .getAccount(query):
            return (query.replyTo, PaymentQueryReply(outcome: .account(account(of: query.payer, in: state, at: now))))
        case let .getStatement(query):
            let statement = SettlementStatement.for(query.company, from: query.from, to: query.to, in: state.ledger,
                                                    platform: query.platform ?? false)
            return (query.replyTo, PaymentQueryReply(outcome: .statement(statement)))
        default:
            return nil
        }
    }

    /// The payer's credit line, open invoices, received payments and what it is owed back at `now`.
    public static func account(of payer: CompanyID, in state: PaymentState, at now: Date) -> PaymentAccountView {
        let owed = state.creditBalance(of: payer).filter { !$0.isZero }
        // What the rebate account owes the payer: minus its balance, as for the credit balance.
        let rebates = state.ledger.balance(.rebatePayable(payer))
            .map { Money(minorUnits: 0 &- $0.minorUnits, currency: $0.currency) }.filter { !$0.isZero }
        guard let account = state.account(of: payer) else {
            return PaymentAccountView(payer: payer, credit: nil, openInvoices: [], receivedPayments: [], owedToPayer: owed,
                                      rebatesOwed: rebates)
        }
        let credit = account.creditStatus(at: now).map { status in
            PaymentAccountView.Credit(limit: status.line.limit, termDays: status.line.termDays, grantedBy: status.line.grantedBy,
                                      reserved: status.reserved, outstanding: status.outstanding, available: status.available,
                                      frozen: status.isFrozen, overdueInvoices: status.overdueInvoices)
        }
        let invoices = account.invoices.values.filter { !$0.isSettled }
            .sorted { ($0.dueAt, $0.order) < ($1.dueAt, $1.order) }
            .map { invoice in
                PaymentAccountView.Invoice(order: invoice.order, amount: invoice.amount, paid: invoice.paid,
                                           credited: invoice.credited, outstanding: invoice.outstanding,
                                           issuedAt: invoice.issuedAt, dueAt: invoice.dueAt, overdue: invoice.isOverdue(at: now))
            }
        let received = account.receivedPayments.suffix(PaymentAccountView.maximumReceivedPayments).reversed().map { payment in
            PaymentAccountView.ReceivedPayment(source: payment.source.rawValue, externalId: payment.externalId,
                                               reference: payment.reference, amount: payment.amount, match: payment.match,
                                               order: payment.order, applied: payment.applied, excess: payment.excess,
                                               recordedAt: payment.recordedAt)
        }
        return PaymentAccountView(payer: payer, credit: credit, openInvoices: invoices, receivedPayments: Array(received),
                                  owedToPayer: owed, rebatesOwed: rebates)
    }
}
