import Contracts

extension PaymentDecider {
    /// Grants or changes a credit line. The actor needs the finance role; a company cannot grant
    /// itself credit; a line granted by one company may be changed only by it or by the platform
    /// (which then becomes the grantor). The currency can change only while nothing is reserved or
    /// owed in the old one. Lowering the limit below what is used is allowed: new credit orders are
    /// refused until enough is paid or released.
    func setCreditLine(_ command: SetCreditLine, _ context: Context) throws(PaymentRefusal) -> PaymentDecision {
        let actor = command.by
        guard actor.isFinance else {
            throw PaymentRefusal(.forbidden, field: "by.roles", "setting a credit line needs the role \(PaymentActor.financeRole)")
        }
        guard actor.company != command.payer else {
            throw PaymentRefusal(.forbidden, field: "by.company", "\(actor.company) cannot grant credit to itself")
        }
        let account = context.state.account(of: command.payer)
        if let line = account?.creditLine, line.grantedBy != actor.company, !actor.isPlatformOperator {
            throw PaymentRefusal(.forbidden, field: "by.company",
                          "the credit line of \(command.payer) was granted by \(line.grantedBy); only it or the platform may change it")
        }
        guard !command.limit.isNegative else {
            throw PaymentRefusal(.invalidField, field: "limit", "limit must not be negative, got \(command.limit)")
        }
        guard (0...limits.maximumTermDays).contains(command.termDays) else {
            throw PaymentRefusal(.invalidField, field: "termDays",
                          "termDays must be between 0 and \(limits.maximumTermDays), got \(command.termDays)")
        }
        let available: Money
        do throws(MoneyError) {
            let usage = try account?.creditUsage(in: command.limit.currency)
                ?? (reserved: .zero(command.limit.currency), outstanding: .zero(command.limit.currency))
            available = try command.limit.subtracting(usage.reserved).subtracting(usage.outstanding)
        } catch let .currencyMismatch(_, open) {
            throw PaymentRefusal(.paymentCurrencyMismatch, field: "limit",
                          "\(command.payer) has credit reserved or owed in \(open); the limit must stay in \(open) until it is settled")
        } catch {
            throw PaymentRefusal(error, field: "limit")
        }
        return PaymentDecision(events: [(0, .creditLineSet(CreditLineSet(
            commandId: context.commandId, payer: command.payer, limit: command.limit, termDays: command.termDays,
            grantedBy: actor.company, setBy: actor.user, available: available)))])
    }

    /// `invoice-overdue` for each unpaid invoice of the payer due before the timer's `now` and not
    /// yet marked. Each event's index is the invoice's position among all unpaid past-due invoices
    /// (oldest first), which does not change while the command is replayed, so an event rebuilt
    /// after a crash keeps its id.
    func overdueEvents(_ command: MarkOverdueDue, _ commandId: MessageID,
                       state: PaymentState) -> [(index: Int, event: PaymentEvent)] {
        guard let account = state.account(of: command.payer) else { return [] }
        let now = command.now.roundedToWireMilliseconds
        let due = account.invoices.values.filter { !$0.isSettled && $0.dueAt < now }
            .sorted { ($0.dueAt, $0.order) < ($1.dueAt, $1.order) }
        return due.enumerated().compactMap { index, invoice in
            guard !invoice.markedOverdue else { return nil }
            return (index, .invoiceOverdue(InvoiceOverdue(commandId: commandId, payer: command.payer, order: invoice.order,
                                                          outstanding: invoice.outstanding, dueAt: invoice.dueAt)))
        }
    }

    /// `invoice-due-soon` for each unpaid invoice of the payer whose next reminder window is
    /// reached at the timer's `now`. Indexed like `overdueEvents`: the invoice's position among the
    /// payer's unpaid invoices not yet due (nearest first), fixed while the command is replayed.
    func dueSoonEvents(_ command: RemindInvoicesDue, _ commandId: MessageID,
                       state: PaymentState) -> [(index: Int, event: PaymentEvent)] {
        guard let account = state.account(of: command.payer) else { return [] }
        let now = command.now.roundedToWireMilliseconds
        let open = account.invoices.values.filter { !$0.isSettled && now < $0.dueAt }
            .sorted { ($0.dueAt, $0.order) < ($1.dueAt, $1.order) }
        return open.enumerated().compactMap { index, invoice in
            guard let window = invoice.reminderWindow(at: now, days: limits.invoiceReminderDays) else { return nil }
            return (index, .invoiceDueSoon(InvoiceDueSoon(commandId: commandId, payer: command.payer, order: invoice.order,
                                                          outstanding: invoice.outstanding, dueAt: invoice.dueAt,
                                                          withinDays: window)))
        }
    }
}
