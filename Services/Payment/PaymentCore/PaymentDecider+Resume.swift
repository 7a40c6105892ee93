import Contracts

extension PaymentDecider {
    /// The events of an already handled command that are not recorded yet.
    ///
    /// A decision's events are published one after another, and state remembers a command from its
    /// first event on. If the service dies after publishing only some of them, the command comes
    /// back (its offset was not stored) and is a duplicate, yet its remaining events are missing.
    /// Every event after the first is a pure function of facts the first recorded, so they are
    /// rebuilt here, with their original indices, and published then: the log ends up exactly as
    /// if nothing had happened. Normally this returns nothing.
    func resume(_ command: Envelope<PaymentCommand>, state: PaymentState) -> [(index: Int, event: PaymentEvent)] {
        let id = command.id
        let ledger = state.ledger
        switch command.payload {
        case let .capture(capture):
            guard let account = state.account(of: capture.payer),
                  let authorization = account.authorizations[capture.order], authorization.capture?.commandId == id
            else { return [] }
            return (try? captureFollowUps(id, payer: capture.payer, authorization: authorization,
                                          account: account, ledger: ledger)) ?? []
        case let .void(void):
            guard let voiding = state.authorization(of: void.order, payer: void.payer)?.voiding, voiding.commandId == id
            else { return [] }
            return (try? voidFollowUps(id, payer: void.payer, order: void.order, voiding: voiding, ledger: ledger)) ?? []
        case let .refund(refund):
            guard let record = state.authorization(of: refund.order, payer: refund.payer)?.refunds[refund.refund],
                  record.commandId == id
            else { return [] }
            return (try? refundFollowUps(id, payer: refund.payer, order: refund.order, refundId: refund.refund,
                                         refund: record, ledger: ledger)) ?? []
        case let .recordBankTransfer(transfer):
            guard let payment = state.account(of: transfer.payer)?.receivedPayment(.bankTransfer, transfer.bankTransactionId),
                  payment.commandId == id
            else { return [] }
            return (try? receiptFollowUps(payer: transfer.payer, payment: payment, ledger: ledger)) ?? []
        case let .providerCallback(callback):
            guard let payment = state.account(of: callback.payer)?.receivedPayment(.provider, callback.providerPaymentId),
                  payment.commandId == id
            else { return [] }
            return (try? receiptFollowUps(payer: callback.payer, payment: payment, ledger: ledger)) ?? []
        case let .markOverdueDue(mark):
            return overdueEvents(mark, id, state: state)
        case let .remindInvoicesDue(remind):
            // The invoices already reminded are recorded as such, so only the missing ones come back.
            return dueSoonEvents(remind, id, state: state)
        case .authorize, .releaseCredit, .setCreditLine, .setSettlementRules, .getAccount, .getStatement:
            return []
        }
    }
}
