import Contracts

/// The payment side of the audit, folded from `payment.events.v1`: the ledger (every posting
/// balanced per currency, the whole ledger too, no posting twice) and, per order, what was
/// authorized, paid, captured, released and refunded.
struct PaymentAudit: Sendable {
    struct OrderMoney: Sendable {
        /// Credit reserved (`payment.credit-reserved`).
        var creditReserved: Money?
        /// Prepayment or bank-transfer authorization (`payment.payment-requested`).
        var paymentRequested: Money?
        /// Money that completed the order (`paidInFull` of a matched transfer or provider payment).
        var paidInFull: Money?
        var captured: Money?
        /// Credit released or authorization voided.
        var released = false
        var refunds: Set<String> = []
    }

    private(set) var orders: [OrderID: OrderMoney] = [:]
    private var postingIds: Set<String> = []
    /// Sum of every entry per currency of the postings in complete partitions, wrapping: exact
    /// whenever the true sum fits in 64 bits. A partial partition's postings are each checked, but
    /// its sum is not: the postings before its window are gone.
    private(set) var ledgerTotals: [Currency: Int64] = [:]
    private(set) var postings = 0
    /// Postings read from partial partitions (in `postings`, not in `ledgerTotals`).
    private(set) var postingsInPartial = 0
    private(set) var events = 0
    private(set) var unbalanced: ViolationLog

    init(examples: Int) {
        unbalanced = ViolationLog(limit: examples)
    }

    /// Folds one event; `partial` says whether its partition's history before it was deleted.
    mutating func observe(_ event: PaymentEvent, at position: RecordPosition?, partial: Bool,
                          duplicates: inout ViolationLog) {
        events += 1
        switch event {
        case let .ledgerPosted(posted):
            post(posted.posting, at: position, partial: partial, duplicates: &duplicates)
        case let .creditReserved(reserved):
            update(reserved.order) { money in
                if money.creditReserved != nil, !money.released {
                    duplicates.add(reserved.order.rawValue, "credit reserved twice (again by command \(reserved.commandId))",
                                   at: position)
                }
                money.creditReserved = reserved.amount
                money.released = false
            }
        case let .paymentRequested(requested):
            update(requested.order) { $0.paymentRequested = requested.amount }
        case let .bankTransferMatched(matched):
            if let order = matched.order, let paid = matched.paidInFull { update(order) { $0.paidInFull = paid } }
        case let .providerPaymentRecorded(recorded):
            if let paid = recorded.paidInFull { update(recorded.order) { $0.paidInFull = paid } }
        case let .paymentCaptured(captured):
            update(captured.order) { money in
                if money.captured != nil {
                    duplicates.add(captured.order.rawValue, "captured twice (again by command \(captured.commandId))",
                                   at: position)
                }
                money.captured = captured.amount
            }
        case let .creditReleased(released):
            update(released.order) { $0.released = true }
        case let .authorizationVoided(voided):
            update(voided.order) { $0.released = true }
        case let .refundIssued(refund):
            update(refund.order) { money in
                if !money.refunds.insert(refund.refund).inserted {
                    duplicates.add(refund.refund, "refund issued twice for order \(refund.order)", at: position)
                }
            }
        // A partial release leaves the order on credit: it is still captured whole or voided.
        case .creditPartlyReleased, .creditLineSet, .authorizationRejected, .invoiceIssued, .invoiceDueSoon, .invoiceOverdue,
             .settlementSplit, .settlementRulesSet, .commandRejected:
            break
        }
    }

    private mutating func update(_ order: OrderID, _ change: (inout OrderMoney) -> Void) {
        change(&orders[order, default: OrderMoney()])
    }

    private mutating func post(_ posting: LedgerPosting, at position: RecordPosition?, partial: Bool,
                               duplicates: inout ViolationLog) {
        guard postingIds.insert(posting.id).inserted else {
            duplicates.add(posting.id, "ledger posting written twice", at: position)
            return
        }
        postings += 1
        let off = posting.totals.filter { !$0.isZero }
        if !off.isEmpty {
            let sums = off.map { "\($0.minorUnits) \($0.currency)" }.joined(separator: ", ")
            unbalanced.add(posting.id, "\(posting.kind.rawValue) posting does not balance: entries sum to \(sums) (minor units)",
                           at: position)
        }
        if partial {
            postingsInPartial += 1
            return
        }
        for entry in posting.entries {
            ledgerTotals[entry.amount.currency, default: 0] &+= entry.amount.minorUnits
        }
    }
}
